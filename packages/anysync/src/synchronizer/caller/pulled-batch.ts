import { Status } from '../protocol.js';
import type { Connection } from './connection.js';
import type { RawOutcome } from './sync-channel.js';

/** How a remote iterator ended: the value it returned, or the error it threw. */
export type IteratorEnd = { value: unknown } | { error: unknown };

/**
 * A batch pulled from a worker iterator, split into the items to hand out and, when the iterator
 * finished within it (the last value is its return value or error record), how it ended.
 */
export function splitPulledBatch(
  outcome: RawOutcome,
  connection: Connection,
): { items: unknown[]; end: IteratorEnd | undefined } {
  const { status, values } = outcome;
  if (status === Status.batch) return { items: values, end: undefined };
  const last = values[values.length - 1];
  return {
    items: values.slice(0, -1),
    end: status === Status.failed ? { error: connection.error(last) } : { value: last },
  };
}
