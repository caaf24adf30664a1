import { describeValue } from './describe-value.js';
/** Throws a TypeError unless `name` is a non-empty string. */
export function checkStoreName(name: unknown, caller: string): asserts name is string {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`${caller}: name must be a non-empty string, got ${describeValue(name)}`);
  }
}
