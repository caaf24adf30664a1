import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';

type Position = 'statement' | 'arrow-body' | 'export-default';

const REPARSES_AS_STATEMENT = /^(?:\{|function\b|class\b|let\s*\[|async\s+function\b)/;
const JOINS_PREVIOUS_LINE = /^[([`+\-/<]/;

/**
 * Removing text at the start of a statement can change how the rest parses: an operand starting with
 * `{`, `function` or `class` would become a statement of its own, and in code without semicolons one
 * starting with `(`, `[` or a backtick would continue the previous line. Once every edit is known, this
 * checks what the statement starts with and adds parentheses or a semicolon where needed.
 */
export function guardStatementStart(node: ts.Expression, context: TransformContext): void {
  const found = leftmostContainer(node, context);
  if (!found) return;
  const [position, expression, statement] = found;
  context.finishers.push(() => {
    const start = context.start(expression);
    const rendered = context.edits.render(start, expression.end).trimStart();
    const needsParens =
      position === 'arrow-body' ? rendered.startsWith('{') : REPARSES_AS_STATEMENT.test(rendered);
    if (needsParens) {
      context.edits.insert(start, '(');
      context.edits.insert(expression.end, ')');
      return;
    }
    if (
      position === 'statement' &&
      JOINS_PREVIOUS_LINE.test(rendered) &&
      !previousEndsSafely(statement, context)
    ) {
      context.edits.insert(start, ';');
    }
  });
}

function leftmostContainer(
  node: ts.Expression,
  context: TransformContext,
): [Position, ts.Expression, ts.Node] | undefined {
  const start = context.start(node);
  let current: ts.Node = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (ts.isExpressionStatement(parent)) return ['statement', parent.expression, parent];
    if (ts.isArrowFunction(parent))
      return parent.body === current ? ['arrow-body', current as ts.Expression, parent] : undefined;
    if (ts.isExportAssignment(parent)) return ['export-default', parent.expression, parent];
    if (!ts.isExpression(parent) || context.start(parent) !== start) return undefined;
    if (ts.isParenthesizedExpression(parent)) return undefined;
  }
  return undefined;
}

function previousEndsSafely(statement: ts.Node, context: TransformContext): boolean {
  const parent = statement.parent;
  const siblings: readonly ts.Node[] | undefined =
    parent &&
    (ts.isBlock(parent) ||
      ts.isSourceFile(parent) ||
      ts.isModuleBlock(parent) ||
      ts.isCaseClause(parent) ||
      ts.isDefaultClause(parent))
      ? parent.statements
      : undefined;
  if (!siblings) return true;
  const index = siblings.indexOf(statement);
  const previous = index > 0 ? siblings[index - 1] : undefined;
  return previous === undefined || endsSafely(previous, context);
}

function endsSafely(statement: ts.Node, context: TransformContext): boolean {
  if (context.edits.render(statement.pos, statement.end).trimEnd().endsWith(';')) return true;
  if (ts.isIfStatement(statement))
    return endsSafely(statement.elseStatement ?? statement.thenStatement, context);
  if (ts.isIterationStatement(statement, false) && !ts.isDoStatement(statement))
    return endsSafely(statement.statement, context);
  if (ts.isLabeledStatement(statement)) return endsSafely(statement.statement, context);
  return (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement) ||
    ts.isBlock(statement) ||
    ts.isTryStatement(statement) ||
    ts.isSwitchStatement(statement) ||
    ts.isEmptyStatement(statement)
  );
}
