import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/**
 * The global `Promise` used as a value in any way the other rules do not convert (`x instanceof
 * Promise`, passing `Promise` around) has no sync meaning and is reported.
 */
export const promiseReferences: Rule = {
  name: 'promise-references',
  kinds: [ts.SyntaxKind.Identifier],
  identifierNames: () => ['Promise'],
  isNeeded: (context) => context.usesName('Promise'),
  needles: () => ['Promise'],
  visit(node, context) {
    const identifier = node as ts.Identifier;
    if (identifier.text !== 'Promise') return;
    const parent = identifier.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier) return;
    if (ts.isNewExpression(parent) && parent.expression === identifier) return;
    if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent)) return;
    if (
      ts.isPropertyAccessExpression(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent)
    )
      return;
    if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return;
    if (!context.isGlobal(identifier, 'Promise')) return;
    context.report(
      'no-sync-meaning',
      parent,
      'the global `Promise` used as a value has no sync meaning',
      'keep this code in an `if (IS_ASYNC)` branch',
    );
  },
};
