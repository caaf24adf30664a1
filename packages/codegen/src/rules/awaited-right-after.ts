import ts from 'typescript';
import { unwrap } from './call-root.js';

/**
 * Whether a promise stored by `statement` (`x ??= f()`, `const x = f()`, `this.#p = f()`) is awaited by
 * the very next statement (`return await x`, `const v = await x`, `await x;`) and nowhere in between.
 * Then nothing runs between the call and the wait, so the twin, which runs the call on the spot, throws
 * (or returns) at the same point of the program as the source.
 */
export function isAwaitedRightAfter(call: ts.Expression, tree: ts.SourceFile): boolean {
  const stored = storedIn(call);
  if (!stored) return false;
  const { statement, target } = stored;
  const list = statementsAround(statement);
  const next = list?.[list.indexOf(statement as ts.Statement) + 1];
  if (!next) return false;
  const awaited = firstAwaitedOperand(next);
  return awaited !== undefined && awaited.getText(tree) === target.getText(tree);
}

/** The statement storing the call's promise, and what it is stored in. */
function storedIn(call: ts.Expression): { statement: ts.Statement; target: ts.Node } | undefined {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.right === node && isStoring(parent.operatorToken.kind)) {
    const statement = parent.parent;
    return ts.isExpressionStatement(statement) ? { statement, target: parent.left } : undefined;
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
    const list = parent.parent;
    const statement = list.parent;
    if (
      ts.isVariableDeclarationList(list) &&
      list.declarations.length === 1 &&
      ts.isVariableStatement(statement)
    )
      return { statement, target: parent.name };
  }
  return undefined;
}

function isStoring(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken ||
    kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    kind === ts.SyntaxKind.BarBarEqualsToken
  );
}

/** The statement list a statement stands in, when it stands in one (not as an `if`'s body, say). */
export function statementsAround(statement: ts.Node): readonly ts.Statement[] | undefined {
  const parent = statement.parent;
  if (
    ts.isBlock(parent) ||
    ts.isSourceFile(parent) ||
    ts.isModuleBlock(parent) ||
    ts.isCaseOrDefaultClause(parent)
  )
    return parent.statements;
  return undefined;
}

/** The operand of the `await` a statement starts by computing, if it starts with one. */
function firstAwaitedOperand(statement: ts.Statement): ts.Expression | undefined {
  let expression: ts.Expression | undefined;
  if (ts.isReturnStatement(statement) || ts.isExpressionStatement(statement))
    expression = statement.expression;
  else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1)
    expression = statement.declarationList.declarations[0]?.initializer;
  if (expression === undefined) return undefined;
  let bare = unwrap(expression);
  if (ts.isBinaryExpression(bare) && bare.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    bare = unwrap(bare.right);
  return ts.isAwaitExpression(bare) ? unwrap(bare.expression) : undefined;
}
