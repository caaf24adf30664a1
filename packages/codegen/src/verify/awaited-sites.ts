import ts from 'typescript';

/** How the async source waits for a value; each becomes plain use of that value in the twin. */
export type AwaitKind = 'await' | 'return' | 'arrow-body' | 'yield' | 'for-await' | 'yield-delegate';

/** A place where the async source awaits or iterates a value asynchronously, explicitly or implicitly. */
export interface AwaitedSite {
  readonly kind: AwaitKind;
  /** The expression whose value is awaited (or iterated, for `for-await` and `yield-delegate`). */
  readonly expression: ts.Expression;
}

type Color = 'sync' | 'async' | 'async-generator';

/**
 * Every place in an async source where a value is awaited: `await e`; `return e` in an async function
 * or async generator and the body of an async arrow (they await `e`); `yield e` in an async generator
 * (it awaits `e`); and every asynchronous iteration: `for await (… of e)` and `yield* e` in an async
 * generator. Operands that are themselves `await` expressions are left to that await.
 */
export function findAwaitedSites(file: ts.SourceFile): AwaitedSite[] {
  const sites: AwaitedSite[] = [];
  const add = (kind: AwaitKind, expression: ts.Expression | undefined) => {
    if (expression && !ts.isAwaitExpression(withoutParentheses(expression))) sites.push({ kind, expression });
  };
  const visit = (node: ts.Node, color: Color): void => {
    if (ts.isAwaitExpression(node)) sites.push({ kind: 'await', expression: node.expression });
    else if (ts.isForOfStatement(node) && node.awaitModifier) add('for-await', node.expression);
    else if (ts.isReturnStatement(node) && color !== 'sync') add('return', node.expression);
    else if (ts.isYieldExpression(node) && color === 'async-generator')
      add(node.asteriskToken ? 'yield-delegate' : 'yield', node.expression);
    if (ts.isFunctionLike(node)) {
      const inner = colorOf(node);
      if (ts.isArrowFunction(node) && inner === 'async' && !ts.isBlock(node.body))
        add('arrow-body', node.body);
      ts.forEachChild(node, (child) => visit(child, inner));
    } else if (ts.isClassStaticBlockDeclaration(node) || ts.isPropertyDeclaration(node)) {
      ts.forEachChild(node, (child) => visit(child, 'sync'));
    } else {
      ts.forEachChild(node, (child) => visit(child, color));
    }
  };
  visit(file, 'sync');
  return sites;
}

function colorOf(node: ts.SignatureDeclaration): Color {
  const isAsync =
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
  if (!isAsync) return 'sync';
  return (node as ts.FunctionLikeDeclarationBase).asteriskToken ? 'async-generator' : 'async';
}

function withoutParentheses(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}
