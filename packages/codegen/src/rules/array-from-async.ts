import ts from 'typescript';
import { isIdentifierNamed } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';

/** `Array.fromAsync(x)` becomes `Array.from(x)`. */
export const arrayFromAsync: Rule = {
  name: 'array-from-async',
  isNeeded: (context) => context.usesName('fromAsync'),
  needles: () => ['fromAsync'],
  kinds: [ts.SyntaxKind.PropertyAccessExpression],
  visit(node, context) {
    const access = node as ts.PropertyAccessExpression;
    if (!isIdentifierNamed(access.name, 'fromAsync') || !isIdentifierNamed(access.expression, 'Array'))
      return;
    if (!context.isGlobal(access, 'Array')) return;
    context.edits.replace(context.start(access.name), access.name.end, 'from');
  },
};
