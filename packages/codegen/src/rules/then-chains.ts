import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** `.then()`, `.catch()` and `.finally()` chains are callbacks on a promise and are reported. */
export const thenChains: Rule = {
  name: 'then-chains',
  kinds: [ts.SyntaxKind.CallExpression],
  visit(node, context) {
    const call = node as ts.CallExpression;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !CHAIN_METHODS.has(callee.name.text)) return;
    if (call.arguments.length === 0 || call.arguments.length > 2) return;
    context.report(
      'then-chain',
      callee.name,
      `\`.${callee.name.text}()\` chains a callback on a promise, which has no sync meaning`,
      'rewrite it with `await` (and `try`/`catch`/`finally`), which converts exactly',
    );
  },
};
