import { MARK, type UrlMarker } from '../protocol.js';
import type { ObjectTable } from './object-table.js';
import { reviveCollection } from '../wire/revive-collection.js';

/**
 * Replaces the markers in freshly deserialized arguments, in place: a handle passed back becomes the
 * worker object it stands for, an `AbortSignal` becomes the call's own signal, a `URL` a `URL`. Only called when the
 * caller said the arguments carry markers.
 */
export function importValues(values: unknown[], table: ObjectTable, signal: () => AbortSignal): void {
  const seen = new Map<object, unknown>();
  for (let i = 0; i < values.length; i++) values[i] = revive(values[i], table, signal, seen);
}

/** `seen`: what each object met became; a marker sent once and reached twice becomes one object. */
function revive(
  value: unknown,
  table: ObjectTable,
  signal: () => AbortSignal,
  seen: Map<object, unknown>,
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  seen.set(value, value);
  const mark = (value as Record<string, unknown>)[MARK];
  if (mark === 'ref') {
    const object = table.get((value as { id: number }).id);
    seen.set(value, object);
    return object;
  }
  if (mark === 'url') {
    const url = new URL((value as UrlMarker).href);
    seen.set(value, url);
    return url;
  }
  if (mark === 'signal') {
    const callSignal = signal();
    seen.set(value, callSignal);
    return callSignal;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], table, signal, seen);
  } else if (value instanceof Map || value instanceof Set) {
    reviveCollection(value, (item) => revive(item, table, signal, seen));
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key], table, signal, seen);
  }
  return value;
}
