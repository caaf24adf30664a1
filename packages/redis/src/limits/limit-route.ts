import type { LimitCall } from './limit-call.js';
import type { LimitScript } from './limit-script.js';

/** Waiting calls with the same keys and arguments: decided one after the other by one group of a run. */
export interface LimitGroup {
  readonly keys: readonly string[];
  readonly args: readonly string[];
  calls: LimitCall[];
  /** Another waiting group on the same first key (other arguments: weight, peek), or none. */
  other: LimitGroup | undefined;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Where a `LimitBatcher`'s runs go one after the other: one script and, on a cluster, one first key. It
 * holds the calls waiting for a run, grouped by limit in the order the limits first came, and when each
 * of its runs on their way was sent.
 */
export class LimitRoute {
  #groups: LimitGroup[] = [];
  readonly #byKey = new Map<string, LimitGroup>();
  /** How many calls wait. */
  waiting = 0;
  /** When each of its runs on their way was sent (performance.now()), the oldest first. */
  readonly sentAt: number[] = [];

  constructor(
    readonly name: string,
    readonly limit: LimitScript,
  ) {}

  add(keys: readonly string[], args: readonly string[], call: LimitCall): void {
    const first = keys[0] ?? '';
    const head = this.#byKey.get(first);
    let group = head;
    while (group !== undefined && !(same(group.args, args) && same(group.keys, keys))) group = group.other;
    if (group === undefined) {
      group = { keys, args, calls: [], other: head };
      this.#byKey.set(first, group);
      this.#groups.push(group);
    }
    group.calls.push(call);
    this.waiting++;
  }

  /** The next batch of waiting groups, at most `most` calls, the first ones first. */
  take(most: number): LimitGroup[] {
    if (this.waiting <= most) return this.drain();
    const batch: LimitGroup[] = [];
    let room = most;
    while (room > 0) {
      const group = this.#groups[0] as LimitGroup;
      if (group.calls.length <= room) {
        batch.push(this.#groups.shift() as LimitGroup);
        room -= group.calls.length;
      } else {
        batch.push({ ...group, calls: group.calls.slice(0, room), other: undefined });
        group.calls = group.calls.slice(room);
        room = 0;
      }
    }
    this.waiting -= most;
    this.#byKey.clear();
    for (const group of this.#groups) {
      group.other = this.#byKey.get(group.keys[0] ?? '');
      this.#byKey.set(group.keys[0] ?? '', group);
    }
    return batch;
  }

  /** Every waiting group. */
  drain(): LimitGroup[] {
    const all = this.#groups;
    this.#groups = [];
    this.#byKey.clear();
    this.waiting = 0;
    return all;
  }
}

/**
 * A run's keys and arguments, as `limitGroups()` takes them: one group's arguments then its count; for
 * more, each group's count then its arguments, or its count negated when they are the previous group's.
 */
export function runRequest(batch: readonly LimitGroup[]): [keys: readonly string[], args: readonly string[]] {
  if (batch.length === 1) {
    const { keys, args, calls } = batch[0] as LimitGroup;
    return [keys, [...args, String(calls.length)]];
  }
  const keys: string[] = [];
  const args: string[] = [];
  let previous: readonly string[] | undefined;
  for (const group of batch) {
    keys.push(...group.keys);
    if (previous !== undefined && same(previous, group.args)) args.push(String(-group.calls.length));
    else args.push(String(group.calls.length), ...group.args);
    previous = group.args;
  }
  return [keys, args];
}
