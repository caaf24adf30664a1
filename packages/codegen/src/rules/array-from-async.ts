import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/** `Array.fromAsync(x)` becomes `Array.from(x)`. */
export const arrayFromAsync: Rule = {
  name: 'array-from-async',
  kinds: [ts.SyntaxKind.PropertyAccessExpression],
  visit(node, context) {
    const access = node as ts.PropertyAccessExpression;
    if (access.name.text !== 'fromAsync' || !ts.isIdentifier(access.expression)) return;
    if (access.expression.text !== 'Array' || !context.isGlobal(access.expression, 'Array')) return;
    context.edits.replace(context.start(access.name), access.name.end, 'from');
  },
};
