import { isLeafBuiltin } from '../wire/cloneable-builtin.js';
import { handleState } from './handle-table.js';

/**
 * Whether the arguments of a call may share an object across them, so that writing them one by one would
 * hand the worker separate copies where structured clone of the argument list gives one:
 * `fn(record, record)`, `fn(list, { list })`, `fn(bytes, bytes)`. Such arguments travel packed, as one
 * value (see `PreparedArgs.packed`).
 *
 * Proving that nothing is shared costs a walk of every argument, which the common calls must not pay, so
 * the answer errs towards packing, which costs little where it is given: arguments that are not all JSON
 * text are serialized anyway, and one serialization of the list costs about what its items cost one by
 * one. The answer is "no" when fewer than two arguments are objects; when `texts` holds the JSON text of
 * every object argument (`plainJson` refused objects an earlier argument reached, so texts never share);
 * and when the other object arguments are distinct built-ins that hold no objects (a buffer, a view, a
 * `Date`). Handles and `AbortSignal`s do not count: each stands for one object on the worker however
 * often it is passed.
 */
export function argumentsShare(args: readonly unknown[], texts?: readonly (string | undefined)[]): boolean {
  if (objectCount(args) < 2) return false;
  let objects = 0;
  let holders = false;
  let leaves: object[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (typeof value !== 'object' || value === null) continue;
    if (handleState(value) !== undefined || value instanceof AbortSignal) continue;
    objects++;
    if (texts?.[i] !== undefined) continue;
    // A view counts as itself, not as its buffer: it crosses as a copy of its own bytes, packed or not
    // (see the guide's Limits), so two views of one buffer gain nothing from packing.
    if (!isLeafBuiltin(value)) holders = true;
    else if (leaves === undefined) leaves = [value];
    else if (leaves.includes(value)) return true;
    else leaves.push(value);
  }
  return holders && objects > 1;
}

/** The common call has one object argument at most: it is told by `typeof` alone. */
function objectCount(args: readonly unknown[]): number {
  let count = 0;
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    if (typeof value === 'object' && value !== null) count++;
  }
  return count;
}
