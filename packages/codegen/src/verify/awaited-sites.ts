import ts from 'typescript';

/** How the async source waits for a value; each becomes plain use of that value in the twin. */
export type AwaitKind =
  | 'await'
  | 'return'
  | 'arrow-body'
  | 'yield'
  | 'for-await'
  | 'yield-delegate'
  | 'promise-all';

/** A place where the async source awaits or iterates a value asynchronously, explicitly or implicitly. */
export interface AwaitedSite {
  readonly kind: AwaitKind;
  /**
   * The expression whose value is awaited; for `for-await` and `yield-delegate` the iterable, for
   * `promise-all` the argument of an awaited `Promise.all()`, whose elements are awaited.
   */
  readonly expression: ts.Expression;
}

type Color = 'sync' | 'async' | 'async-generator';

/**
 * Every place in an async source where a value is awaited: `await e`; `return e` in an async function
 * or async generator and the body of an async arrow (they await `e`); `yield e` in an async generator
 * (it awaits `e`); and every asynchronous iteration: `for await (… of e)` and `yield* e` in an async
 * generator. An awaited `Promise.all(xs)` also awaits the elements of `xs`, and `Promise.resolve(x)`
 * awaits `x`. Operands that are themselves `await` expressions are left to that await.
 */
export function findAwaitedSites(file: ts.SourceFile): AwaitedSite[] {
  const sites: AwaitedSite[] = [];
  const awaited = (kind: AwaitKind, expression: ts.Expression): void => {
    sites.push({ kind, expression });
    const inner = withoutParentheses(expression);
    if (!ts.isCallExpression(inner) || inner.arguments.length !== 1) return;
    const callee = inner.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return;
    if (callee.expression.text !== 'Promise') return;
    const argument = inner.arguments[0] as ts.Expression;
    if (callee.name.text === 'all') sites.push({ kind: 'promise-all', expression: argument });
    else if (callee.name.text === 'resolve') awaited(kind, argument);
  };
  const implicit = (kind: AwaitKind, expression: ts.Expression | undefined): void => {
    if (expression === undefined || ts.isAwaitExpression(withoutParentheses(expression))) return;
    if (kind === 'yield-delegate') sites.push({ kind, expression });
    else awaited(kind, expression);
  };
  const visit = (node: ts.Node, color: Color): void => {
    if (ts.isAwaitExpression(node)) awaited('await', node.expression);
    else if (ts.isForOfStatement(node) && node.awaitModifier)
      sites.push({ kind: 'for-await', expression: node.expression });
    else if (ts.isReturnStatement(node) && color !== 'sync') implicit('return', node.expression);
    else if (ts.isYieldExpression(node) && color === 'async-generator')
      implicit(node.asteriskToken ? 'yield-delegate' : 'yield', node.expression);
    if (ts.isFunctionLike(node)) {
      const inner = colorOf(node);
      if (ts.isArrowFunction(node) && inner === 'async' && !ts.isBlock(node.body))
        implicit('arrow-body', node.body);
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
