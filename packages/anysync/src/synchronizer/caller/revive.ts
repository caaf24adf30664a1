import { type HandleMarker, MARK, type UrlMarker } from '../protocol.js';
import { reviveCollection } from '../wire/revive-collection.js';

/**
 * Replaces the markers in freshly deserialized reply values, in place: handle markers by the caller's
 * handle objects, `URL` markers by `URL`s. Only called for replies the worker flagged as carrying markers.
 */
export function reviveValues(values: unknown[], materialize: (marker: HandleMarker) => object): void {
  const seen = new Map<object, unknown>();
  for (let i = 0; i < values.length; i++) values[i] = revive(values[i], materialize, seen);
}

/** `seen`: what each object met became; a marker sent once and reached twice becomes one handle. */
function revive(
  value: unknown,
  materialize: (marker: HandleMarker) => object,
  seen: Map<object, unknown>,
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  seen.set(value, value);
  const mark = (value as Record<string, unknown>)[MARK];
  if (mark === 'handle') {
    const handle = materialize(value as HandleMarker);
    seen.set(value, handle);
    return handle;
  }
  if (mark === 'url') {
    const url = new URL((value as UrlMarker).href);
    seen.set(value, url);
    return url;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], materialize, seen);
  } else if (value instanceof Map || value instanceof Set) {
    reviveCollection(value, (item) => revive(item, materialize, seen));
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key], materialize, seen);
  }
  return value;
}

/** The handle markers inside values that will never be revived, so their worker objects can be released. */
export function collectMarkers(values: unknown[]): HandleMarker[] {
  const found: HandleMarker[] = [];
  reviveValues([...values], (marker) => {
    found.push(marker);
    return marker;
  });
  return found;
}
