import { invalidArgument } from './invalid-argument.js';

/** The errors an aggregate error reports: an array holding at least one (an aggregate of none says nothing). */
export function checkErrorList(errors: unknown, label: string): readonly unknown[] {
  if (!Array.isArray(errors)) throw invalidArgument('type', label, 'an array of at least one error', errors);
  if (errors.length === 0) throw invalidArgument('range', label, 'an array of at least one error', errors);
  return errors;
}
