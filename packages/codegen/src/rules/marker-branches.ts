import ts from 'typescript';
import type { Rule, Walker } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { removeStatementLines, unwrapBlock } from './statement-removal.js';

/**
 * The branch marker (`IS_ASYNC` by default): `if (IS_ASYNC) { a } else { b }` keeps `b` in the sync twin
 * (`if (!IS_ASYNC)` keeps the other side), `IS_ASYNC ? a : b` keeps `b`, a declaration
 * `const IS_ASYNC = true` becomes `false`, and every other reference becomes `false`. The dropped branch
 * is not converted at all, so it may hold code with no sync meaning.
 */
export const markerBranches: Rule = {
  name: 'marker-branches',
  kinds: [ts.SyntaxKind.IfStatement, ts.SyntaxKind.ConditionalExpression, ts.SyntaxKind.Identifier],
  identifierNames: (context) => [context.marker],
  isNeeded: (context) => context.usesName(context.marker),
  needles: (context) => [context.marker],
  visit(node, context, walker) {
    if (ts.isIfStatement(node)) return chooseStatement(node, context, walker);
    if (ts.isConditionalExpression(node)) return chooseExpression(node, context, walker);
    const identifier = node as ts.Identifier;
    if (identifier.text !== context.marker || !isMarkerReference(identifier, context)) return;
    const parent = identifier.parent;
    if (ts.isVariableDeclaration(parent) && parent.name === identifier) {
      const init = parent.initializer;
      if (init && init.kind === ts.SyntaxKind.TrueKeyword)
        context.edits.replace(context.start(init), init.end, 'false');
      return;
    }
    if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isExportSpecifier(parent)) return;
    context.edits.replace(context.start(identifier), identifier.end, 'false');
  },
};

/** `true` when the condition is the marker, `false` when it is `!marker`, otherwise `undefined`. */
function markerTest(condition: ts.Expression, site: ts.Node, context: TransformContext): boolean | undefined {
  let current = condition;
  let negated = false;
  for (;;) {
    if (ts.isParenthesizedExpression(current)) current = current.expression;
    else if (ts.isPrefixUnaryExpression(current) && current.operator === ts.SyntaxKind.ExclamationToken) {
      negated = !negated;
      current = current.operand;
    } else break;
  }
  // Resolved from the `if`/`?:` itself: the condition's nodes have no parent pointers yet.
  if (!ts.isIdentifier(current) || current.text !== context.marker) return undefined;
  if (context.resolve(site, context.marker).kind === 'local') return undefined;
  return !negated;
}

function isMarkerReference(identifier: ts.Identifier, context: TransformContext): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === identifier)
    return false;
  return context.resolve(identifier, identifier.text).kind !== 'local';
}

function chooseStatement(
  node: ts.IfStatement,
  context: TransformContext,
  walker: Walker,
): 'skip-children' | undefined {
  const test = markerTest(node.expression, node, context);
  if (test === undefined) return undefined;
  const kept = test ? node.elseStatement : node.thenStatement;
  const parent = node.parent;
  const inList =
    ts.isBlock(parent) ||
    ts.isSourceFile(parent) ||
    ts.isModuleBlock(parent) ||
    ts.isCaseOrDefaultClause(parent);
  if (!kept) {
    if (inList) removeStatementLines(node, context);
    else if (ts.isIfStatement(parent) && parent.elseStatement === node) {
      context.edits.replaceRegion(parent.thenStatement.end, node.end, '');
    } else context.edits.replaceRegion(context.start(node), node.end, ';');
    return 'skip-children';
  }
  const keptStart = context.start(kept);
  if (inList && ts.isBlock(kept) && unwrapBlock(node, kept, context)) {
    walker.walk(kept);
    return 'skip-children';
  }
  context.edits.replaceRegion(context.start(node), keptStart, '');
  context.edits.replaceRegion(kept.end, node.end, '');
  walker.walk(kept);
  return 'skip-children';
}

function chooseExpression(
  node: ts.ConditionalExpression,
  context: TransformContext,
  walker: Walker,
): 'skip-children' | undefined {
  const test = markerTest(node.condition, node, context);
  if (test === undefined) return undefined;
  const kept = test ? node.whenFalse : node.whenTrue;
  context.edits.replaceRegion(context.start(node), context.start(kept), '');
  context.edits.replaceRegion(kept.end, node.end, '');
  walker.walk(kept);
  return 'skip-children';
}
