import ts from 'typescript';
import { hasOwnYield } from '../chains/chain-handler.js';
import { lowerChain, type Sink } from '../chains/chain-lowering.js';
import { type PromiseChain, promiseChain } from '../chains/promise-chain.js';
import { chainSource } from '../chains/chain-source.js';
import { CodeLines } from '../chains/code-lines.js';
import { hoistedBase } from '../chains/hoisted-base.js';
import { checkAwaitedValue } from '../origin/check-awaited-value.js';
import { statementsAround } from './awaited-right-after.js';
import { isAsyncFunction } from '../origin/is-async-function.js';
import { linkSubtree } from '../origin/local-binding.js';
import { returnedExpressions } from '../origin/returned-expressions.js';
import type { Rule, Walker } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { skipParens } from '../transform/import-bindings.js';

/**
 * A promise chain the source waits for — `await p.catch(h)`, `await p.then(f, r)`, `return p.finally(g)`
 * in an async function — has an exact sync meaning: the twin runs `p` in a `try`, the rejection handler
 * in its `catch` (what it returns is the result), `onFulfilled` on the value, `onFinally` in `finally`.
 * In a statement (`await …;`, `return …;`, an async arrow's body) the twin gets the `try` itself;
 * anywhere else, the `try` inside an arrow called on the spot.
 */
export const awaitedChains: Rule = {
  name: 'awaited-chains',
  isNeeded: (context) => context.usesAnyName(['then', 'catch', 'finally']),
  needles: () => ['then', 'catch', 'finally'],
  kinds: [ts.SyntaxKind.AwaitExpression, ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.ArrowFunction],
  visit(node, context, walker) {
    if (ts.isAwaitExpression(node)) return visitAwait(node, context, walker);
    if (ts.isReturnStatement(node)) visitReturn(node, context);
    else visitArrow(node as ts.ArrowFunction, context);
    return undefined;
  },
};

function visitAwait(
  node: ts.AwaitExpression,
  context: TransformContext,
  walker: Walker,
): 'skip-children' | undefined {
  if (!context.claimedAwaits.has(node)) {
    const chain = promiseChain(node.expression);
    if (!chain) return undefined;
    const { container, sink } = placeOf(node);
    if (!claim(chain, container, sink, context)) return undefined;
  }
  // The `await` itself goes with the replaced code; what it waits for is converted as usual.
  walker.walk(node.expression);
  return 'skip-children';
}

function visitReturn(node: ts.ReturnStatement, context: TransformContext): void {
  const operand = node.expression && skipParens(node.expression);
  if (!operand || !isInAsyncFunction(node)) return;
  const awaited = ts.isAwaitExpression(operand) ? operand : undefined;
  const chain = promiseChain(awaited ? awaited.expression : operand);
  if (chain && claim(chain, node, 'return', context) && awaited) context.claimedAwaits.add(awaited);
}

function visitArrow(node: ts.ArrowFunction, context: TransformContext): void {
  if (ts.isBlock(node.body) || !isAsyncFunction(node)) return;
  const operand = skipParens(node.body);
  const awaited = ts.isAwaitExpression(operand) ? operand : undefined;
  const chain = promiseChain(awaited ? awaited.expression : operand);
  if (chain && claim(chain, node.body, 'arrow-body', context) && awaited) context.claimedAwaits.add(awaited);
}

type Place = 'return' | 'discard' | 'arrow-body' | 'expression';

/** Where an awaited chain sits, and so what its twin replaces: a statement, an arrow body, or itself. */
function placeOf(node: ts.AwaitExpression): { container: ts.Node; sink: Place } {
  let outer: ts.Node = node;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (ts.isExpressionStatement(parent)) return { container: parent, sink: 'discard' };
  if (ts.isReturnStatement(parent)) return { container: parent, sink: 'return' };
  if (ts.isArrowFunction(parent) && parent.body === outer) return { container: outer, sink: 'arrow-body' };
  return { container: node, sink: 'expression' };
}

/**
 * Takes the chain over: its calls are no longer reported as `.then()` chains, what waits on it needs no
 * check, its base promise is checked like an awaited value, and so is what each handler returns. The twin's
 * text is written once every other rule has edited the parts it keeps.
 */
function claim(chain: PromiseChain, container: ts.Node, place: Place, context: TransformContext): boolean {
  if (place === 'expression' && hasOwnYield(container)) return false;
  // Only a promise made right here: one made elsewhere (a parameter, a variable) has, in the twin, already
  // thrown where it was made, so no `try` here could catch it. Left to the then-chain report.
  if (!madeHere(chain.base)) return false;
  // The checks below resolve names inside the chain, which the walk may not have linked yet.
  linkSubtree(container);
  for (const link of chain.links) {
    context.claimedChains.add(link.call);
    context.judgedValues.add(link.call);
    for (const handler of handlersOf(link)) checkHandlerResults(handler, context);
  }
  checkAwaitedValue(chain.base, 'await', context);
  context.lateFinishers.push(() => rewrite(chain, container, place, context));
  return true;
}

function rewrite(chain: PromiseChain, container: ts.Node, place: Place, context: TransformContext): void {
  const source = chainSource(context, container);
  const hoisted = hoistedBase(chain.base, source);
  const options = { baseText: hoisted.text };
  const sink: Sink = place === 'discard' ? 'discard' : 'return';
  const direct = place === 'expression' ? undefined : lowerChain(chain, sink, source, options);
  const start = context.start(container);
  if (direct && place !== 'arrow-body') {
    const statement = new CodeLines().nest(hoisted.prelude, 0).nest(direct, 0);
    const single = hoisted.prelude.lines.length === 0 || statementsAround(container) !== undefined;
    const lines = single ? statement : new CodeLines().line(0, '{').nest(statement).line(0, '}');
    context.edits.replaceRegion(start, container.end, source.render(lines));
    return;
  }
  const lowered =
    place === 'arrow-body' || !direct
      ? lowerChain(chain, 'return', source, { ...options, wholeBody: true })
      : direct;
  if (!lowered) throw new Error('anysync internal error: a chain lowered to a returned value cannot fail');
  const body = new CodeLines().nest(hoisted.prelude, 0).nest(lowered, 0);
  const block = `{${source.newline}${source.render(body, 1)}${source.newline}${source.indent}}`;
  const text = place === 'arrow-body' ? block : `(() => ${block})()`;
  // An arrow called on the spot at the start of an expression statement would continue the line before.
  context.edits.replaceRegion(start, container.end, place === 'discard' ? `;${text};` : text);
}

/** Whether a chain's promise is made by the expression itself: a call or a `new`, not a name or a member. */
function madeHere(base: ts.Expression): boolean {
  const bare = skipParens(base);
  return ts.isCallExpression(bare) || ts.isNewExpression(bare);
}

function handlersOf(link: PromiseChain['links'][number]): ts.Expression[] {
  if (link.kind !== 'then') return [link.handler];
  return link.onRejected === undefined ? [link.onFulfilled] : [link.onFulfilled, link.onRejected];
}

/** What a handler returns is awaited by the promise it is chained to, as an async function's `return`s are. */
function checkHandlerResults(handler: ts.Expression, context: TransformContext): void {
  const bare = skipParens(handler);
  if (!ts.isArrowFunction(bare) && !ts.isFunctionExpression(bare)) return;
  if (isAsyncFunction(bare)) return; // its own returns are checked as an async function's
  for (const returned of returnedExpressions(bare.body)) checkAwaitedValue(returned, 'implicit', context);
}

function isInAsyncFunction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return isAsyncFunction(current);
  }
  return false;
}
