import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import { identifierRole } from './identifier-role.js';

/**
 * A named import of an object whose members are mapped (`import { promises } from 'node:fs'`) becomes a
 * namespace import of the members' module, so only reading a member of it keeps its meaning. Using the
 * object itself — passing it on, returning it, spreading it — would hand out the module instead, and is
 * reported.
 */
export const reshapedNamespaceUses: Rule = {
  name: 'reshaped-namespace-uses',
  kinds: [ts.SyntaxKind.Identifier],
  isNeeded: (context) => context.reshapedNamespaces.size > 0,
  identifierNames: (context) => context.reshapedNamespaces,
  needles: (context) => context.reshapedNamespaces,
  visit(node, context) {
    const identifier = node as ts.Identifier;
    if (!context.reshapedNamespaces.has(identifier.text)) return;
    const role = identifierRole(identifier);
    if (role !== 'reference' && role !== 'shorthand') return;
    const parent = identifier.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier) return;
    if (
      ts.isVariableDeclaration(parent) &&
      parent.initializer === identifier &&
      ts.isObjectBindingPattern(parent.name)
    )
      return;
    if (ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent)) return;
    if (context.resolve(identifier, identifier.text).kind !== 'top-level') return;
    context.report(
      'unmapped-import',
      identifier,
      `\`${identifier.text}\` is used as a whole, but only its members have sync counterparts: the twin would hand out the module object instead`,
      `read the members where they are used (\`${identifier.text}.name(…)\`), or import the sync functions by name`,
    );
  },
};
