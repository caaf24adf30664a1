import { invalidArgument } from './invalid-argument.js';

/** One of a few allowed values (an option that picks a mode), or `undefined` for the default. */
export function checkOneOf<T extends string>(
  value: unknown,
  label: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || allowed.includes(value as T)) return value as T | undefined;
  const expected = allowed.map((option) => `'${option}'`).join(' or ');
  throw invalidArgument(typeof value === 'string' ? 'range' : 'type', label, expected, value);
}
