import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

const SYNC_SYMBOLS: Readonly<Record<string, string>> = {
  asyncIterator: 'iterator',
  asyncDispose: 'dispose',
};

/**
 * `Symbol.asyncIterator` becomes `Symbol.iterator` and `Symbol.asyncDispose` becomes `Symbol.dispose`,
 * in values, computed member names and `typeof` types, when `Symbol` is the global one.
 */
export const asyncSymbols: Rule = {
  name: 'async-symbols',
  kinds: [ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.QualifiedName],
  visit(node, context) {
    const [object, member] = ts.isPropertyAccessExpression(node)
      ? [node.expression, node.name]
      : [(node as ts.QualifiedName).left, (node as ts.QualifiedName).right];
    if (!ts.isIdentifier(object) || object.text !== 'Symbol' || !ts.isIdentifier(member)) return;
    const replacement = SYNC_SYMBOLS[member.text];
    if (replacement === undefined || !context.isGlobal(object, 'Symbol')) return;
    context.edits.replace(context.start(member), member.end, replacement);
  },
};
