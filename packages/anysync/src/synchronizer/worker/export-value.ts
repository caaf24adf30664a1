import type { TransferListItem } from 'node:worker_threads';
import { CloneError } from '../errors.js';
import { type HandleMarker, MARK } from '../protocol.js';
import { isPlainUrl, urlMarker } from '../wire/url-marker.js';
import { crossesOnlyByMessage, isCloneableBuiltin } from '../wire/cloneable-builtin.js';
import { GraphWalk, isStructured, Refusal, WALK } from '../wire/graph-walk.js';
import { locate } from '../wire/locate.js';
import { callableKind, type Describer, hasMethods, isNamespace } from './describer.js';

/** What an export walk found: whether markers were placed and which buffers to transfer. */
export interface ExportContext {
  marked: boolean;
  transfer: TransferListItem[];
  /** Leave out shapes the caller already has (replies it is certain to read). */
  compact: boolean;
  /** The walk over every value of one reply, so an object in two of them crosses as one. */
  walk?: GraphWalk;
  /** Set when a value holds something only a message carries (see `crossesOnlyByMessage`). */
  byMessage?: boolean;
}

/**
 * Prepares a worker value for the trip to the caller. Objects with behaviour (class instances with
 * methods, functions, iterators) stay on the worker and are replaced by handle markers; arrays and plain
 * objects are walked, copied only where something was replaced, keeping the shape structured clone gives
 * them (see `GraphWalk`). Values a structured clone would reject or silently mangle fail here with the
 * path of the offending value, under `path`.
 */
export function exportValue(
  value: unknown,
  describer: Describer,
  context: ExportContext,
  path: string,
): unknown {
  if (!isStructured(value)) return value;
  context.walk ??= new GraphWalk(exportRules(describer, context), context.transfer);
  try {
    return context.walk.values([value])[0];
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const where = locate(value, error.value, path);
    throw new CloneError(`${where} ${error.reason}`, where);
  }
}

/** What the worker sends for each object of a result (see `Classify`). */
function exportRules(describer: Describer, context: ExportContext) {
  const finish = (marker: HandleMarker): HandleMarker => {
    context.marked = true;
    if (context.compact) describer.compact(marker);
    return marker;
  };
  return (value: object | symbol): unknown => {
    if (typeof value === 'symbol') throw new Refusal(value, 'is a symbol; symbols cannot cross');
    if (typeof value === 'function') {
      return finish(describer.marker(value, callableKind(value) === 'class' ? 'class' : 'function'));
    }
    // Already a marker: operations such as construct return one for objects that must stay handles.
    if ((value as Record<string, unknown>)[MARK] === 'handle') return finish(value as HandleMarker);
    if (value instanceof Map || value instanceof Set || value instanceof Error) return WALK;
    if (isCloneableBuiltin(value)) {
      if (crossesOnlyByMessage(value)) context.byMessage = true;
      return value;
    }
    if (typeof (value as PromiseLike<unknown>).then === 'function') {
      throw new Refusal(value, 'is a promise; await it before returning it');
    }
    if (isPlainUrl(value)) {
      context.marked = true;
      return urlMarker(value);
    }
    if (isIterator(value)) return finish(describer.marker(value, 'iterator'));
    if (Array.isArray(value)) return WALK;
    // A plain object with methods stays on the worker too, or its methods would lose their `this`.
    if (hasMethods(value)) return finish(describer.marker(value, 'object'));
    return isNamespace(value) ? WALK : value;
  };
}

/** Generator objects and other iterators: something to pull from rather than copy. */
function isIterator(value: object): boolean {
  if (typeof (value as Iterator<unknown>).next !== 'function') return false;
  return Symbol.asyncIterator in value || Symbol.iterator in value;
}
