import ts from 'typescript';
import { endsAbruptly, handlerShape, hasOwnReturn } from './chain-handler.js';
import { CodeLines } from './code-lines.js';
import type { ChainLink, PromiseChain } from './promise-chain.js';

/** Where the settled value goes: returned, dropped, or assigned to a variable. */
export type Sink = 'return' | 'discard' | { readonly assign: string };

/** What lowering needs from the file: the twin's text of source ranges, and fresh names. */
export interface ChainSource {
  /** The twin's text of a node, with the other rules' edits applied. */
  text(node: ts.Node): string;
  /** The twin's text of the statements of a block, trimmed, and the indentation its lines had. */
  blockBody(block: ts.Block): { text: string; indent: string; verbatim: boolean };
  /** Whether no edit touches the source range (`[start, end)`, or the position when they are equal). */
  untouched(start: number, end: number): boolean;
  /** A name used nowhere near the chain, built from `base`. */
  fresh(base: string): string;
  /** Whether types may be written (a TypeScript file). */
  readonly typeScript: boolean;
}

/**
 * Writes an awaited promise chain as statements with the same meaning: `await p.catch(h)` is a `try`
 * whose `catch` runs the handler, `p.then(f)` is `f(p)`, `p.then(f, r)` keeps `f` out of the `try`, and
 * `p.finally(g)` is a `try … finally`. `undefined` when the chain needs a value where the sink cannot take
 * one (`then(f, r)` whose result is not returned): the caller then lowers it inside a function.
 */
export function lowerChain(
  chain: PromiseChain,
  sink: Sink,
  source: ChainSource,
  options: { wholeBody?: boolean; baseText?: string } = {},
): CodeLines | undefined {
  const withBase =
    options.baseText === undefined
      ? source
      : { ...source, text: baseTextOf(chain, options.baseText, source) };
  return statementFor(chain, chain.links.length, sink, withBase, options.wholeBody === true);
}

/** `source.text`, except that the chain's base reads as `baseText` (its hoisted form). */
function baseTextOf(chain: PromiseChain, baseText: string, source: ChainSource): (node: ts.Node) => string {
  return (node) => (node === chain.base ? baseText : source.text(node));
}

/**
 * The statement for the chain's first `count` links. `wholeBody`: the statements are a function's whole
 * body, so several may stand side by side (elsewhere they are wrapped in a block to stay one statement).
 */
function statementFor(
  chain: PromiseChain,
  count: number,
  sink: Sink,
  source: ChainSource,
  wholeBody = false,
): CodeLines | undefined {
  const direct = expressionFor(chain, count, source);
  if (direct !== undefined) return deliver(sink, direct);
  const link = chain.links[count - 1] as ChainLink;
  if (link.kind === 'catch' || link.kind === 'finally') {
    const attempt = statementFor(chain, count - 1, sink, source);
    if (!attempt) return undefined;
    const lines = new CodeLines().line(0, 'try {').nest(attempt);
    if (link.kind === 'catch') {
      const handler = rejectionHandler(link.handler, sink, source);
      lines
        .line(0, `} catch ${handler.param === undefined ? '' : `(${handler.param}) `}{`)
        .nest(handler.body);
    } else lines.line(0, '} finally {').nest(finallyBody(link.handler, source));
    return lines.line(0, '}');
  }
  if (link.onRejected !== undefined && sink !== 'return') return undefined;
  // The settled value is needed before `onFulfilled` runs, outside the `try` of what produced it.
  const value = source.fresh('value');
  const produce = statementFor(chain, count - 1, { assign: value }, source);
  if (!produce) return undefined;
  const level = wholeBody ? 0 : 1;
  const lines = new CodeLines();
  if (!wholeBody) lines.line(0, '{');
  lines.line(level, `let ${value};`);
  if (link.onRejected === undefined) lines.nest(produce, level);
  else {
    const handler = rejectionHandler(link.onRejected, 'return', source);
    lines.line(level, 'try {').nest(produce, level + 1);
    lines
      .line(level, `} catch ${handler.param === undefined ? '' : `(${handler.param}) `}{`)
      .nest(handler.body, level + 1);
    lines.line(level, '}');
  }
  lines.nest(deliver(sink, callText(link.onFulfilled, value, undefined, source)), level);
  return wholeBody ? lines : lines.line(0, '}');
}

/** Global namespaces whose functions do not depend on `this` (`JSON.parse`), called as written. */
const THISLESS_NAMESPACES = new Set([
  'JSON',
  'Math',
  'Object',
  'Number',
  'String',
  'Array',
  'Reflect',
  'Boolean',
]);

/** The chain's first `count` links as one expression, when they are all `then(f)`: `g(f(p))`. */
function expressionFor(chain: PromiseChain, count: number, source: ChainSource): string | undefined {
  if (count === 0) return source.text(chain.base);
  const link = chain.links[count - 1] as ChainLink;
  if (link.kind !== 'then' || link.onRejected !== undefined) return undefined;
  const inner = expressionFor(chain, count - 1, source);
  return inner === undefined ? undefined : callText(link.onFulfilled, inner, undefined, source);
}

function deliver(sink: Sink, expression: string): CodeLines {
  if (sink === 'return') return new CodeLines().line(0, `return ${expression};`);
  if (sink === 'discard') {
    const safe = /^(?:\{|function\b|class\b|let\s*\[|async\s+function\b)/.test(expression)
      ? `(${expression})`
      : expression;
    return new CodeLines().line(0, `${safe};`);
  }
  return new CodeLines().line(0, `${sink.assign} = ${expression};`);
}

/** `handler(argument)`, called as the promise would call it: with one argument and no `this`. */
function callText(
  handler: ts.Expression,
  argument: string,
  cast: ts.TypeNode | undefined,
  source: ChainSource,
): string {
  let bare = handler;
  while (ts.isParenthesizedExpression(bare)) bare = bare.expression;
  const text = source.text(bare);
  const member = ts.isPropertyAccessExpression(bare) || ts.isElementAccessExpression(bare);
  const thisless =
    ts.isPropertyAccessExpression(bare) &&
    ts.isIdentifier(bare.expression) &&
    THISLESS_NAMESPACES.has(bare.expression.text);
  // A member called as `obj.f(x)` would get `obj` as `this`; the promise calls it with none.
  const callee = ts.isIdentifier(bare) || thisless ? text : member ? `(0, ${text})` : `(${text})`;
  const value = cast !== undefined && source.typeScript ? `${argument} as ${source.text(cast)}` : argument;
  // A callback declared without parameters is called without arguments (TypeScript counts them).
  const takesNone =
    (ts.isArrowFunction(bare) || ts.isFunctionExpression(bare)) && bare.parameters.length === 0;
  return `${callee}(${takesNone ? '' : value})`;
}

/** The `catch` binding and body that run a rejection handler and send its result to the sink. */
function rejectionHandler(
  handler: ts.Expression,
  sink: Sink,
  source: ChainSource,
): { param: string | undefined; body: CodeLines } {
  const shape = handlerShape(handler);
  if (shape.kind === 'inline') {
    // A promise's handler gets its reason as `any`; a `catch` binding is `unknown` under strict options.
    const untyped = shape.param !== undefined && shape.param.type === undefined && source.typeScript;
    const param =
      shape.param === undefined ? undefined : `${source.text(shape.param)}${untyped ? ': any' : ''}`;
    const body = shape.body;
    if (!ts.isBlock(body)) return { param, body: deliver(sink, source.text(body)) };
    const fits = sink === 'return' ? endsAbruptly(body) : sink === 'discard' && !hasOwnReturn(body);
    if (fits) return { param, body: blockLines(body, source) };
  }
  const caught = source.fresh('error');
  const cast = shape.kind === 'call' ? shape.paramType : undefined;
  return { param: caught, body: deliver(sink, callText(handler, caught, cast, source)) };
}

/** The body of a `finally` that runs `onFinally` (its result is dropped, as the promise drops it). */
function finallyBody(handler: ts.Expression, source: ChainSource): CodeLines {
  const shape = handlerShape(handler);
  if (shape.kind === 'inline' && shape.param === undefined) {
    if (!ts.isBlock(shape.body)) return deliver('discard', source.text(shape.body));
    if (!hasOwnReturn(shape.body)) return blockLines(shape.body, source);
  }
  let bare = handler;
  while (ts.isParenthesizedExpression(bare)) bare = bare.expression;
  const text = source.text(bare);
  return deliver('discard', ts.isIdentifier(bare) ? `${text}()` : `(${text})()`);
}

function blockLines(block: ts.Block, source: ChainSource): CodeLines {
  const { text, indent, verbatim } = source.blockBody(block);
  return text === '' ? new CodeLines() : new CodeLines().chunk(0, text, indent, verbatim);
}
