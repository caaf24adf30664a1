import { type LockoutSpan, type LockoutStore, MemoryLockoutStore } from 'anysync/rate-limit';
import { checkName } from './check-input.js';
import { LOCKOUT_LOCK, LOCKOUT_REMAINING, LOCKOUT_UNLOCK } from './lua/lockout.js';
import type { RedisStoreOptions } from './redis-store-options.js';
import { Script } from './script.js';
import { StoreCalls } from './store-calls.js';

const LOCK = new Script(LOCKOUT_LOCK);
const REMAINING = new Script(LOCKOUT_REMAINING);
const UNLOCK = new Script(LOCKOUT_UNLOCK);

function checkSpan(span: LockoutSpan): ['ms' | 'date', number] {
  const kind = typeof span === 'object' && span !== null && 'date' in span ? 'date' : 'ms';
  const value = kind === 'date' ? (span as { date: unknown }).date : (span as { ms?: unknown })?.ms;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(
      `RedisLockoutStore.lock(): the span must be { ms } or { date } with a finite number, got ${JSON.stringify(span)}`,
    );
  }
  return [kind, value];
}

/**
 * A {@link LockoutStore} on Redis: a `Lockout` closed by any process is closed for all of them within one
 * round trip. The whole state is one key whose TTL is the time left (`PX`, the server's clock), so it
 * expires by itself; an HTTP-date `Retry-After` is read against the server's clock too, so clients whose
 * clocks disagree still agree on when the gate opens.
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisLockoutStore } from '@anysync/redis';
 * import { Lockout } from 'anysync/rate-limit';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ disableOfflineQueue: true }).connect();
 * const github = new Lockout({ store: new RedisLockoutStore({ client: nodeRedisClient(redis) }), name: 'github' });
 * await github.wait();
 * const response = await fetch('https://api.github.com/rate_limit');
 * if (response.status === 429) await github.lockForRetryAfter(response.headers.get('retry-after'), 60_000);
 * ```
 */
export class RedisLockoutStore implements LockoutStore {
  readonly #calls: StoreCalls;
  readonly #fallback = new MemoryLockoutStore();

  constructor(options: RedisStoreOptions) {
    this.#calls = new StoreCalls(options, 'RedisLockoutStore');
  }

  async lock(name: string, span: LockoutSpan): Promise<number> {
    checkName(name, 'name', 'RedisLockoutStore.lock()');
    const [kind, value] = checkSpan(span);
    return this.#calls.guarded(
      'lockout lock',
      async () => Number(await this.#calls.raw(LOCK, [this.#key(name)], [kind, String(value)])),
      () => this.#fallback.lock(name, span),
      () => Math.max(0, kind === 'ms' ? value : value - Date.now()),
    );
  }

  async remaining(name: string): Promise<number> {
    checkName(name, 'name', 'RedisLockoutStore.remaining()');
    return this.#calls.guarded(
      'lockout remaining',
      async () => Number(await this.#calls.raw(REMAINING, [this.#key(name)], [])),
      () => this.#fallback.remaining(name),
      () => 0,
    );
  }

  async unlock(name: string): Promise<void> {
    checkName(name, 'name', 'RedisLockoutStore.unlock()');
    await this.#fallback.unlock(name);
    await this.#calls.guarded(
      'lockout unlock',
      async () => void (await this.#calls.raw(UNLOCK, [this.#key(name)], [])),
      async () => {},
      () => {},
    );
  }

  #key(name: string): string {
    return this.#calls.tag('lockout', name);
  }
}
