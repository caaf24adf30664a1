import ts from 'typescript';
import { nameOf } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** `.then()`, `.catch()` and `.finally()` chains are callbacks on a promise and are reported. */
export const thenChains: Rule = {
  name: 'then-chains',
  isNeeded: (context) => context.usesAnyName(CHAIN_METHODS),
  needles: () => CHAIN_METHODS,
  kinds: [ts.SyntaxKind.CallExpression],
  visit(node, context) {
    const call = node as ts.CallExpression;
    const callee = call.expression;
    if (
      !ts.isPropertyAccessExpression(callee) ||
      !ts.isIdentifier(callee.name) ||
      !CHAIN_METHODS.has(nameOf(callee.name))
    )
      return;
    if (call.arguments.length === 0 || call.arguments.length > 2 || context.claimedChains.has(call)) return;
    context.report(
      'then-chain',
      callee.name,
      `\`.${callee.name.text}()\` chains a callback on a promise that is not awaited here, or that was made elsewhere (a parameter, a variable: in the twin its error is thrown where it is made), which has no sync meaning`,
      'await the chain on the call that makes the promise (`await f().catch(h)` converts exactly), or rewrite it with `await` and `try`/`catch`/`finally`',
    );
  },
};
