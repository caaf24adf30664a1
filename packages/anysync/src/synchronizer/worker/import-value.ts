import { MARK } from '../protocol.js';
import type { ObjectTable } from './object-table.js';

/**
 * Replaces the markers in freshly deserialized arguments, in place: a handle passed back becomes the
 * worker object it stands for, an `AbortSignal` becomes the call's own signal. Only called when the
 * caller said the arguments carry markers.
 */
export function importValues(values: unknown[], table: ObjectTable, signal: () => AbortSignal): void {
  const seen = new Set<object>();
  for (let i = 0; i < values.length; i++) values[i] = revive(values[i], table, signal, seen);
}

function revive(value: unknown, table: ObjectTable, signal: () => AbortSignal, seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  const mark = (value as Record<string, unknown>)[MARK];
  if (mark === 'ref') return table.get((value as { id: number }).id);
  if (mark === 'signal') return signal();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], table, signal, seen);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key], table, signal, seen);
  }
  return value;
}
