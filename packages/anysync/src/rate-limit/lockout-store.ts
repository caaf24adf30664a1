/**
 * How long a {@link LockoutStore} should close a lockout: `ms` milliseconds from now, or until `date`
 * (milliseconds since the epoch, e.g. an HTTP `Retry-After` date), both read on the store's clock.
 *
 * @example
 * ```ts
 * import type { LockoutSpan } from 'anysync/rate-limit';
 *
 * const forAMinute: LockoutSpan = { ms: 60_000 };
 * const untilNewYear: LockoutSpan = { date: Date.UTC(2031, 0, 1) };
 * ```
 */
export type LockoutSpan = { readonly ms: number } | { readonly date: number };

/**
 * Where a `Lockout` with a `store` keeps its "closed until T", so that a lockout set by one process holds
 * every process using the same store and name. A lockout only ever extends: closing it for less time than
 * it is already closed changes nothing. `MemoryLockoutStore` is the in-process one; `@anysync/redis` has
 * one on Redis, whose expiry is the key's own TTL (the server's clock, never a client's).
 *
 * @example
 * ```ts
 * import { type LockoutStore, MemoryLockoutStore } from 'anysync/rate-limit';
 *
 * const store: LockoutStore = new MemoryLockoutStore();
 * await store.lock('github', { ms: 1000 });
 * console.log((await store.remaining('github')) > 0); // true
 * ```
 */
export interface LockoutStore {
  /** Closes `name` for `span` unless it is already closed for longer; resolves to the span's milliseconds. */
  lock(name: string, span: LockoutSpan): Promise<number>;
  /** Milliseconds until `name` opens; 0 when it is open. */
  remaining(name: string): Promise<number>;
  /** Opens `name` now, ending every lockout. */
  unlock(name: string): Promise<void>;
}
