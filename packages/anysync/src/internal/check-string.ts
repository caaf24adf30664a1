import { invalidArgument } from './invalid-argument.js';

/** A string. */
export function checkString(value: unknown, label: string): string {
  if (typeof value !== 'string') throw invalidArgument('type', label, 'a string', value);
  return value;
}

/** A string, or `undefined` where the string is optional. */
export function checkOptionalString(value: unknown, label: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw invalidArgument('type', label, 'a string or undefined', value);
  }
  return value;
}

/** An array of strings (e.g. command-line flags or signal names). */
export function checkOptionalStringArray(value: unknown, label: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidArgument('type', label, 'an array of strings or undefined', value);
  }
  return value;
}
