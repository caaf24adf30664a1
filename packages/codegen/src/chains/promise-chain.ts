import ts from 'typescript';
import { unwrap } from '../rules/call-root.js';

/** One link of a promise chain, in the order it applies to the promise. */
export type ChainLink =
  | {
      readonly kind: 'then';
      readonly call: ts.CallExpression;
      readonly onFulfilled: ts.Expression;
      readonly onRejected?: ts.Expression;
    }
  | { readonly kind: 'catch'; readonly call: ts.CallExpression; readonly handler: ts.Expression }
  | { readonly kind: 'finally'; readonly call: ts.CallExpression; readonly handler: ts.Expression };

/** A promise and the `.then`/`.catch`/`.finally` calls applied to it: `p.then(f).catch(h)`. */
export interface PromiseChain {
  readonly base: ts.Expression;
  readonly links: readonly ChainLink[];
}

const METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Takes an expression apart into a promise chain, or `undefined` when it is not one the generator can
 * rewrite: each call must have the arity its method defines (`then(f)`, `then(f, r)`, `then(null, r)`,
 * `catch(h)`, `finally(g)`), with no spread argument, no type arguments and no optional call.
 */
export function promiseChain(expression: ts.Expression): PromiseChain | undefined {
  const links: ChainLink[] = [];
  let current = unwrap(expression);
  while (ts.isCallExpression(current) && isChainCallee(current.expression)) {
    const link = chainLink(current);
    if (!link) return undefined;
    links.push(link);
    current = unwrap(current.expression.expression);
  }
  if (links.length === 0) return undefined;
  return { base: current, links: links.reverse() };
}

/** Whether an expression is a call of `.then`, `.catch` or `.finally`, whatever its arguments. */
export function isChainCall(expression: ts.Expression): expression is ts.CallExpression {
  const bare = unwrap(expression);
  return ts.isCallExpression(bare) && isChainCallee(bare.expression);
}

/** Whether a call's callee is `x.then`, `x.catch` or `x.finally` (not optional: `x?.then` may skip). */
function isChainCallee(callee: ts.Expression): callee is ts.PropertyAccessExpression {
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.questionDotToken === undefined &&
    ts.isIdentifier(callee.name) &&
    METHODS.has(callee.name.text)
  );
}

function chainLink(call: ts.CallExpression): ChainLink | undefined {
  if (call.questionDotToken !== undefined || call.typeArguments !== undefined) return undefined;
  const method = (call.expression as ts.PropertyAccessExpression).name.text;
  const args = call.arguments;
  if (args.some((argument) => ts.isSpreadElement(argument))) return undefined;
  const [first, second] = args;
  if (!first) return undefined;
  if (method === 'then') {
    if (args.length > 2) return undefined;
    if (isNothing(first))
      return second && !isNothing(second) ? { kind: 'catch', call, handler: second } : undefined;
    if (!second || isNothing(second)) return { kind: 'then', call, onFulfilled: first };
    return { kind: 'then', call, onFulfilled: first, onRejected: second };
  }
  if (args.length !== 1 || isNothing(first)) return undefined;
  return method === 'catch'
    ? { kind: 'catch', call, handler: first }
    : { kind: 'finally', call, handler: first };
}

/** `undefined` or `null` written as a handler: no handler for that outcome. */
function isNothing(expression: ts.Expression): boolean {
  const bare = unwrap(expression);
  return bare.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(bare) && bare.text === 'undefined');
}
