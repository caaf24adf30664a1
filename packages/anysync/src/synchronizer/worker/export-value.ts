import type { TransferListItem } from 'node:worker_threads';
import { CloneError } from '../errors.js';
import { type HandleMarker, MARK } from '../protocol.js';
import { takeTransfer } from '../transfer.js';
import { isCloneableBuiltin } from '../wire/cloneable-builtin.js';
import { callableKind, type Describer, hasMethods, isNamespace } from './describer.js';

/** What an export walk found: whether markers were placed and which buffers to transfer. */
export interface ExportContext {
  marked: boolean;
  transfer: TransferListItem[];
  /** Leave out shapes the caller already has (replies it is certain to read). */
  compact: boolean;
  seen?: Set<object>;
}

const MAX_DEPTH = 64;

/**
 * Prepares a worker value for the trip to the caller. Objects with behaviour (class instances with
 * methods, functions, iterators) stay on the worker and are replaced by handle markers; arrays and plain
 * objects are walked, copied only where something was replaced. Values a structured clone would reject
 * or silently mangle fail here with the path of the offending value.
 */
export function exportValue(
  value: unknown,
  describer: Describer,
  context: ExportContext,
  path: string,
): unknown {
  if (typeof value !== 'object' && typeof value !== 'function') {
    if (typeof value === 'symbol') throw new CloneError(`${path} is a symbol; symbols cannot cross`, path);
    return value;
  }
  return value === null ? null : walk(value, describer, context, path, 0);
}

function walk(
  value: object,
  describer: Describer,
  context: ExportContext,
  path: string,
  depth: number,
): unknown {
  if (typeof value === 'function') {
    context.marked = true;
    return finishMarker(
      describer.marker(value, callableKind(value) === 'class' ? 'class' : 'function'),
      describer,
      context,
    );
  }
  if ((value as Record<string, unknown>)[MARK] === 'handle') {
    // Already a marker: operations such as construct return one for objects that must stay handles.
    return finishMarker(value as HandleMarker, describer, context);
  }
  const transfer = takeTransfer(value);
  if (transfer) context.transfer.push(...transfer);
  if (depth > MAX_DEPTH || isCloneableBuiltin(value)) return value;
  // Shared and cyclic references are walked once; structured clone keeps the graph's shape.
  context.seen ??= new Set();
  if (context.seen.has(value)) return value;
  context.seen.add(value);
  if (typeof (value as PromiseLike<unknown>).then === 'function') {
    throw new CloneError(`${path} is a promise; await it before returning it`, path);
  }
  if (isIterator(value)) return finishMarker(describer.marker(value, 'iterator'), describer, context);
  if (Array.isArray(value)) return walkArray(value, describer, context, path, depth);
  if (isNamespace(value)) return walkObject(value, describer, context, path, depth);
  if (!hasMethods(value)) return value;
  return finishMarker(describer.marker(value, 'object'), describer, context);
}

function finishMarker(marker: HandleMarker, describer: Describer, context: ExportContext): HandleMarker {
  context.marked = true;
  if (context.compact) describer.compact(marker);
  return marker;
}

function walkArray(
  value: unknown[],
  describer: Describer,
  context: ExportContext,
  path: string,
  depth: number,
) {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (
      item === null ||
      (typeof item !== 'object' && typeof item !== 'function' && typeof item !== 'symbol')
    ) {
      continue;
    }
    const next = exportItem(item, describer, context, `${path}[${i}]`, depth);
    if (next !== item) {
      copy ??= value.slice();
      copy[i] = next;
    }
  }
  return copy ?? value;
}

function walkObject(
  value: object,
  describer: Describer,
  context: ExportContext,
  path: string,
  depth: number,
) {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (
      item === null ||
      (typeof item !== 'object' && typeof item !== 'function' && typeof item !== 'symbol')
    ) {
      continue;
    }
    const next = exportItem(item, describer, context, `${path}.${key}`, depth);
    if (next !== item) {
      copy ??= { ...value };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

function exportItem(
  item: unknown,
  describer: Describer,
  context: ExportContext,
  path: string,
  depth: number,
) {
  if (typeof item === 'symbol') throw new CloneError(`${path} is a symbol; symbols cannot cross`, path);
  return walk(item as object, describer, context, path, depth + 1);
}

/** Generator objects and other iterators: something to pull from rather than copy. */
function isIterator(value: object): boolean {
  if (typeof (value as Iterator<unknown>).next !== 'function') return false;
  return Symbol.asyncIterator in value || Symbol.iterator in value;
}
