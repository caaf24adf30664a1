import { invalidArgument } from './invalid-argument.js';

/** `true`, `false` or `undefined` (an optional flag): a truthy string such as `'false'` is refused. */
export function checkOptionalBoolean(value: unknown, label: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw invalidArgument('type', label, 'true, false or undefined', value);
  }
  return value;
}
