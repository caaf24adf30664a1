import ts from 'typescript';
import { isIdentifierNamed, nameOf } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';

const SYNC_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['asyncIterator', 'iterator'],
  ['asyncDispose', 'dispose'],
]);

/**
 * `Symbol.asyncIterator` becomes `Symbol.iterator` and `Symbol.asyncDispose` becomes `Symbol.dispose`,
 * in values, computed member names and `typeof` types, when `Symbol` is the global one.
 */
export const asyncSymbols: Rule = {
  name: 'async-symbols',
  isNeeded: (context) => context.usesName('asyncIterator') || context.usesName('asyncDispose'),
  needles: () => SYNC_SYMBOLS.keys(),
  kinds: [ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.QualifiedName],
  visit(node, context) {
    const [object, member] = ts.isPropertyAccessExpression(node)
      ? [node.expression, node.name]
      : [(node as ts.QualifiedName).left, (node as ts.QualifiedName).right];
    if (!isIdentifierNamed(object, 'Symbol') || !ts.isIdentifier(member)) return;
    const replacement = SYNC_SYMBOLS.get(nameOf(member));
    if (replacement === undefined || !context.isGlobal(node, 'Symbol')) return;
    context.edits.replace(context.start(member), member.end, replacement);
  },
};
