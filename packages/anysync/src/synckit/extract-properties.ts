/**
 * synckit's `extractProperties`: a shallow copy of an object's enumerable properties (inherited ones
 * included), or undefined for anything that is not an object. synckit's workers use it to carry an
 * error's extra fields across `postMessage`; anysync keeps those fields itself, so code that still calls
 * it gets the same copy and nothing more.
 *
 * @example
 * ```ts
 * import { extractProperties } from 'anysync/synckit';
 *
 * const error = Object.assign(new Error('bad input'), { code: 'E_INPUT', line: 3 });
 * extractProperties(error); // { code: 'E_INPUT', line: 3 }
 * extractProperties('text'); // undefined
 * ```
 */
export function extractProperties<T extends object>(object: T): T;
export function extractProperties<T>(object?: T): T | undefined;
export function extractProperties<T>(object?: T): T | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const properties: Record<string, unknown> = {};
  for (const key in object) properties[key] = (object as Record<string, unknown>)[key];
  return properties as T;
}
