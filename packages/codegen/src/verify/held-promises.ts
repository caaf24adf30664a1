import ts from 'typescript';
import { mayBeAsyncIterableOnly, mayBeThenable } from './async-value-type.js';
import { type AwaitedSite, findAwaitedSites } from './awaited-sites.js';
import { findExpressionAt } from './find-expression-at.js';
import { iteratedTypes } from './iterated-types.js';
import type { TwinSourceMap } from './twin-source-map.js';

/** A place where the twin holds an async value where its source waited for it. */
export interface HeldPromise {
  readonly site: AwaitedSite;
  /** The expression in the twin that the site's expression became. */
  readonly twinExpression: ts.Expression;
  /** What the twin holds: a promise, an async-only iterable, or an iterable of promises. */
  readonly holds: 'promise' | 'async-iterable' | 'promise-elements';
  /** The twin's type there, as the checker prints it. */
  readonly typeText: string;
}

/**
 * Pairs every place where the async source awaits (see {@link findAwaitedSites}) with the expression
 * it became in the twin, through the twin's source map, and asks the checker what the twin holds there.
 * Sites that have no exact counterpart (the generator rewrote or dropped them) and sites the twin
 * still awaits (code left as it is by a directive) are not judged.
 */
export function findHeldPromises(
  checker: ts.TypeChecker,
  source: ts.SourceFile,
  twin: ts.SourceFile,
  map: TwinSourceMap,
): HeldPromise[] {
  if (!/\b(?:async|await)\b/.test(source.text)) return [];
  const held: HeldPromise[] = [];
  const seen = new Set<ts.Node>();
  for (const site of findAwaitedSites(source)) {
    const start = map.toTwin(site.expression.getStart(source));
    const end = map.toTwinEnd(site.expression.end);
    if (start === undefined || end === undefined || end <= start) continue;
    const expression = findExpressionAt(twin, start, end);
    if (expression === undefined || seen.has(expression) || isStillAsync(expression, site)) continue;
    seen.add(expression);
    const type = checker.getTypeAtLocation(expression);
    const holds = judge(checker, site, expression, type);
    if (holds) held.push({ site, twinExpression: expression, holds, typeText: shortTypeText(checker, type) });
  }
  return held;
}

function judge(
  checker: ts.TypeChecker,
  site: AwaitedSite,
  expression: ts.Expression,
  type: ts.Type,
): HeldPromise['holds'] | undefined {
  if (site.kind === 'for-await' || site.kind === 'yield-delegate') {
    if (mayBeAsyncIterableOnly(checker, type)) return 'async-iterable';
  }
  if (site.kind === 'for-await' || site.kind === 'promise-all') {
    const elements = iteratedTypes(checker, type, expression);
    return elements.some((element) => mayBeThenable(checker, element)) ? 'promise-elements' : undefined;
  }
  if (site.kind === 'yield-delegate') return undefined;
  return mayBeThenable(checker, type) ? 'promise' : undefined;
}

/** Whether the twin still waits there itself (a directive kept the async code as it was). */
function isStillAsync(expression: ts.Expression, site: AwaitedSite): boolean {
  let parent = expression.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (site.kind === 'await') return ts.isAwaitExpression(parent);
  if (site.kind === 'for-await') return ts.isForOfStatement(parent) && parent.awaitModifier !== undefined;
  if (site.kind === 'promise-all') return false;
  for (let node: ts.Node = expression; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isFunctionLike(node)) {
      return (
        ts.canHaveModifiers(node) &&
        (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
      );
    }
  }
  return false;
}

function shortTypeText(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
