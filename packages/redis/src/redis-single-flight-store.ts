import {
  MemorySingleFlightStore,
  type SingleFlightBegin,
  type SingleFlightStore,
  type SingleFlightWatch,
} from 'anysync/cache';
import { Channel } from './channel.js';
import { checkName, checkPositive, replyList } from './check-input.js';
import { Mailbox } from './composite-watch.js';
import { FLIGHT_BEGIN, FLIGHT_DELETE, FLIGHT_RENEW, FLIGHT_SETTLE } from './lua/single-flight.js';
import type { RedisStoreOptions } from './redis-store-options.js';
import { Script } from './script.js';
import { StoreCalls } from './store-calls.js';

const BEGIN = new Script(FLIGHT_BEGIN);
const RENEW = new Script(FLIGHT_RENEW);
const SETTLE = new Script(FLIGHT_SETTLE);
const DELETE = new Script(FLIGHT_DELETE);

/** `<length>:<key><outcome>` → [key, outcome]. */
function parseMessage(message: string): [string, string] | undefined {
  const colon = message.indexOf(':');
  const length = Number(message.slice(0, colon));
  if (colon < 1 || !Number.isInteger(length)) return undefined;
  const start = colon + 1;
  return [message.slice(start, start + length), message.slice(start + length)];
}

/**
 * A {@link SingleFlightStore} on Redis, for `memoize` shared by every process: a miss takes a lease (an
 * owner token with a TTL, renewed while the work runs) in one script, the others wait to be woken by
 * pub/sub (one channel per store), a waiter takes the lease over when its holder stops renewing, and the
 * result is kept for the TTL counted from settlement. The two keys of a call share a hash tag.
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisSingleFlightStore } from '@anysync/redis';
 * import { memoize } from 'anysync/cache';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ disableOfflineQueue: true }).connect();
 * const store = new RedisSingleFlightStore({ client: nodeRedisClient(redis), onFailure: 'fallback' });
 * const getReport = memoize(async (day: string) => ({ day, total: 42 }), { store, name: 'report', ttl: 60_000 });
 * console.log(await getReport('2031-01-01')); // computed by one process, shared by all
 * ```
 */
export class RedisSingleFlightStore implements SingleFlightStore {
  readonly #calls: StoreCalls;
  readonly #channel: Channel;
  readonly #fallback = new MemorySingleFlightStore();
  /** Owners whose lease came from the policy (fallback store, or none at all), until they settle. */
  readonly #bypassed = new Map<string, 'fallback' | 'open'>();
  /** The watchers of this process, by key: told by the channel, and by settlements that bypass Redis. */
  readonly #watchers = new Map<string, Set<Mailbox<string>>>();
  readonly #dispatch = (message: string): void => {
    const parsed = parseMessage(message);
    if (parsed !== undefined) this.#tell(parsed[0], parsed[1]);
  };

  constructor(options: RedisStoreOptions) {
    this.#calls = new StoreCalls(options, 'RedisSingleFlightStore');
    this.#channel = new Channel(this.#calls, `${this.#calls.prefix}:flight`);
  }

  async begin(key: string, owner: string, leaseMs: number): Promise<SingleFlightBegin> {
    checkName(key, 'key', 'RedisSingleFlightStore.begin()');
    checkName(owner, 'owner', 'RedisSingleFlightStore.begin()');
    checkPositive(leaseMs, 'leaseMs', 'RedisSingleFlightStore.begin()');
    return this.#calls.guarded(
      'single-flight begin',
      async () => {
        const reply = await this.#calls.raw(BEGIN, this.#keys(key), [owner, String(Math.ceil(leaseMs))]);
        const [kind, value] = replyList(reply, 'RedisSingleFlightStore.begin()') as [string, string];
        if (kind === 'v') return { outcome: value, leader: false, leaseMs: 0 };
        return { leader: kind === 'l', leaseMs: kind === 'l' ? leaseMs : Number(value) };
      },
      () => {
        this.#bypassed.set(owner, 'fallback');
        return this.#fallback.begin(key, owner, leaseMs);
      },
      () => {
        this.#bypassed.set(owner, 'open');
        return { leader: true, leaseMs };
      },
    );
  }

  async renew(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const bypassed = this.#bypassed.get(owner);
    if (bypassed === 'open') return true;
    if (bypassed === 'fallback') return this.#fallback.renew(key, owner, leaseMs);
    return this.#calls.guarded(
      'single-flight renew',
      async () =>
        Number(await this.#calls.raw(RENEW, this.#keys(key), [owner, String(Math.ceil(leaseMs))])) === 1,
      async () => true,
      () => true,
    );
  }

  async settle(key: string, owner: string, outcome: string, ttlMs: number): Promise<void> {
    checkName(key, 'key', 'RedisSingleFlightStore.settle()');
    const bypassed = this.#bypassed.get(owner);
    this.#bypassed.delete(owner);
    if (bypassed !== undefined) {
      if (bypassed === 'fallback') await this.#fallback.settle(key, owner, outcome, ttlMs);
      return this.#tell(key, outcome);
    }
    await this.#calls.guarded(
      'single-flight settle',
      async () =>
        void (await this.#calls.raw(SETTLE, this.#keys(key), [
          owner,
          outcome,
          String(Math.max(0, ttlMs)),
          this.#channel.name,
          key,
        ])),
      async () => {
        await this.#fallback.settle(key, owner, outcome, ttlMs);
        this.#tell(key, outcome);
      },
      () => this.#tell(key, outcome),
    );
  }

  async watch(key: string): Promise<SingleFlightWatch> {
    checkName(key, 'key', 'RedisSingleFlightStore.watch()');
    const mailbox = new Mailbox<string>();
    const watchers = this.#watchers.get(key) ?? new Set();
    this.#watchers.set(key, watchers);
    watchers.add(mailbox);
    const close = () => {
      watchers.delete(mailbox);
      if (watchers.size === 0 && this.#watchers.get(key) === watchers) this.#watchers.delete(key);
    };
    try {
      await this.#calls.guarded(
        'single-flight watch',
        async () => void (await this.#channel.listen(this.#dispatch)),
        async () => {},
        () => {},
      );
    } catch (error) {
      close();
      throw error;
    }
    return { next: (ms) => mailbox.take(ms), close };
  }

  async delete(key: string): Promise<void> {
    checkName(key, 'key', 'RedisSingleFlightStore.delete()');
    await this.#fallback.delete(key);
    await this.#calls.run('single-flight delete', DELETE, this.#keys(key), []);
  }

  #tell(key: string, outcome: string): void {
    for (const mailbox of this.#watchers.get(key) ?? []) mailbox.push(outcome);
  }

  #keys(key: string): string[] {
    const tag = this.#calls.tag('flight', key);
    return [`${tag}:value`, `${tag}:lease`];
  }
}
