import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkStoreName } from '../internal/check-store-name.js';
import { Alarm } from '../internal/alarm.js';
import { currentClock } from '../internal/clock.js';
import type { SingleFlightBegin, SingleFlightStore, SingleFlightWatch } from './single-flight-store.js';

interface Entry {
  outcome: string | undefined;
  outcomeUntil: number;
  owner: string | undefined;
  leaseUntil: number;
}

/** One watcher: the outcomes that arrived, and an alarm to end a `next()` early. */
class MemoryWatch implements SingleFlightWatch {
  readonly #alarm = new Alarm();
  readonly #outcomes: string[] = [];

  constructor(readonly close: () => void) {}

  push(outcome: string): void {
    this.#outcomes.push(outcome);
    this.#alarm.wake();
  }

  async next(ms: number): Promise<string | undefined> {
    if (this.#outcomes.length === 0) await this.#alarm.wait(ms);
    return this.#outcomes.shift();
  }
}

/**
 * The in-process {@link SingleFlightStore}: what `@anysync/redis` falls back to, and the reference its Redis
 * store is tested against. Time is anysync's clock; expired outcomes and leases are dropped.
 *
 * @example
 * ```ts
 * import { MemorySingleFlightStore } from 'anysync/cache';
 *
 * const store = new MemorySingleFlightStore();
 * console.log((await store.begin('k', 'a', 1000)).leader, (await store.begin('k', 'b', 1000)).leader); // true false
 * ```
 */
export class MemorySingleFlightStore implements SingleFlightStore {
  readonly #entries = new Map<string, Entry>();
  readonly #watches = new Map<string, Set<MemoryWatch>>();
  #sweepAt = 1024;

  /** How many keys hold an outcome or a lease. */
  get size(): number {
    return this.#entries.size;
  }

  async begin(key: string, owner: string, leaseMs: number): Promise<SingleFlightBegin> {
    checkStoreName(key, 'MemorySingleFlightStore.begin()');
    checkStoreName(owner, 'MemorySingleFlightStore.begin(): owner');
    checkMilliseconds(leaseMs, 'MemorySingleFlightStore.begin(): leaseMs', false, true);
    const now = currentClock().now();
    const entry = this.#live(key, now);
    if (entry?.outcome !== undefined) return { outcome: entry.outcome, leader: false, leaseMs: 0 };
    if (entry?.owner !== undefined && entry.owner !== owner) {
      return { leader: false, leaseMs: entry.leaseUntil - now };
    }
    const taken = entry ?? { outcome: undefined, outcomeUntil: 0, owner, leaseUntil: 0 };
    taken.owner = owner;
    taken.leaseUntil = now + leaseMs;
    if (entry === undefined) this.#add(key, taken, now);
    return { leader: true, leaseMs };
  }

  async renew(key: string, owner: string, leaseMs: number): Promise<boolean> {
    checkMilliseconds(leaseMs, 'MemorySingleFlightStore.renew(): leaseMs', false, true);
    const now = currentClock().now();
    const entry = this.#live(key, now);
    if (entry?.owner !== owner) return false;
    entry.leaseUntil = now + leaseMs;
    return true;
  }

  async settle(key: string, owner: string, outcome: string, ttlMs: number): Promise<void> {
    checkStoreName(key, 'MemorySingleFlightStore.settle()');
    checkMilliseconds(ttlMs, 'MemorySingleFlightStore.settle(): ttlMs', true);
    const now = currentClock().now();
    const entry = this.#live(key, now);
    if (entry !== undefined && entry.owner === owner) entry.owner = undefined;
    if (outcome !== '' && ttlMs > 0) {
      const kept = entry ?? { outcome, outcomeUntil: 0, owner: undefined, leaseUntil: 0 };
      kept.outcome = outcome;
      kept.outcomeUntil = now + ttlMs;
      if (entry === undefined) this.#add(key, kept, now);
    } else if (entry !== undefined && entry.owner === undefined && entry.outcome === undefined) {
      this.#entries.delete(key);
    }
    for (const watch of this.#watches.get(key) ?? []) watch.push(outcome);
    return;
  }

  async watch(key: string): Promise<SingleFlightWatch> {
    checkStoreName(key, 'MemorySingleFlightStore.watch()');
    const set = this.#watches.get(key) ?? new Set<MemoryWatch>();
    this.#watches.set(key, set);
    const watch: MemoryWatch = new MemoryWatch(() => {
      set.delete(watch);
      if (set.size === 0 && this.#watches.get(key) === set) this.#watches.delete(key);
    });
    set.add(watch);
    return watch;
  }

  async delete(key: string): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      entry.outcome = undefined;
      if (entry.owner === undefined) this.#entries.delete(key);
    }
    return;
  }

  /** The entry of `key` with whatever expired cleared; `undefined` when nothing is left of it. */
  #live(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.outcome !== undefined && entry.outcomeUntil <= now) entry.outcome = undefined;
    if (entry.owner !== undefined && entry.leaseUntil <= now) entry.owner = undefined;
    if (entry.outcome !== undefined || entry.owner !== undefined) return entry;
    this.#entries.delete(key);
    return undefined;
  }

  #add(key: string, entry: Entry, now: number): void {
    if (this.#entries.size >= this.#sweepAt) {
      for (const old of [...this.#entries.keys()]) this.#live(old, now);
      this.#sweepAt = Math.max(1024, this.#entries.size * 2);
    }
    this.#entries.set(key, entry);
  }
}
