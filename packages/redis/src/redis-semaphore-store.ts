import {
  MemorySemaphoreStore,
  type SemaphoreGrant,
  type SemaphoreRequest,
  type SemaphoreStore,
  type SemaphoreWatch,
} from 'anysync/primitives';
import { Channel } from './channel.js';
import { checkName, checkPositive, replyList } from './check-input.js';
import { Mailbox } from './composite-watch.js';
import {
  SEMAPHORE_ACQUIRE,
  SEMAPHORE_RELEASE,
  SEMAPHORE_RENEW,
  SEMAPHORE_TRY_ACQUIRE,
} from './lua/semaphore.js';
import type { RedisStoreOptions } from './redis-store-options.js';
import { Script } from './script.js';
import { StoreCalls } from './store-calls.js';

const ACQUIRE = new Script(SEMAPHORE_ACQUIRE);
const TRY_ACQUIRE = new Script(SEMAPHORE_TRY_ACQUIRE);
const RENEW = new Script(SEMAPHORE_RENEW);
const RELEASE = new Script(SEMAPHORE_RELEASE);
const OPEN_GRANT: SemaphoreGrant = { granted: true, fence: 0, ticket: 0 };

interface Grant {
  readonly name: string;
  readonly token: string;
  readonly fence: number;
}

/** `<length>:<name>token=fence,…` → the grants it announces. */
function parseGrants(message: string): Grant[] {
  const colon = message.indexOf(':');
  const length = Number(message.slice(0, colon));
  if (colon < 1 || !Number.isInteger(length)) return [];
  const name = message.slice(colon + 1, colon + 1 + length);
  return message
    .slice(colon + 1 + length)
    .split(',')
    .map((pair) => {
      const equals = pair.lastIndexOf('=');
      return { name, token: pair.slice(0, equals), fence: Number(pair.slice(equals + 1)) };
    });
}

function checkRequest(request: SemaphoreRequest, caller: string): void {
  if (typeof request !== 'object' || request === null)
    throw new TypeError(`${caller}: the request must be an object`);
  checkName(request.token, 'token', caller);
  checkPositive(request.permits, 'permits', caller);
  checkPositive(request.weight, 'weight', caller, request.permits);
  checkPositive(request.leaseMs, 'leaseMs', caller);
}

/**
 * A {@link SemaphoreStore} on Redis, for `Semaphore` and `Lock` shared by every process: holders are
 * leases (owner token → expiry on the server's clock) that vanish unless renewed, waiters queue in one
 * FIFO in Redis and are granted in arrival order by the script that frees their permits, which tells
 * each waiter (in its reply when the waiter is in the same process, by pub/sub on the waiting store's
 * channel otherwise; no polling; a heartbeat every third of the lease keeps a waiter's place and catches
 * a missed message), and every grant carries a fencing token that only grows. A semaphore's keys
 * (four, and one per waiter) share a hash tag and expire at most a lease after its latest lease.
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisSemaphoreStore } from '@anysync/redis';
 * import { Semaphore } from 'anysync/primitives';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ disableOfflineQueue: true }).connect();
 * const store = new RedisSemaphoreStore({ client: nodeRedisClient(redis) });
 * const exports = new Semaphore(3, { store, name: 'pdf-export', leaseMs: 10_000 });
 * await exports.run(async () => console.log('at most 3 of these run at once, across every process'));
 * ```
 */
export class RedisSemaphoreStore implements SemaphoreStore {
  readonly #calls: StoreCalls;
  readonly #channel: Channel;
  readonly #fallback = new MemorySemaphoreStore();
  /** Tokens granted or queued by the policy (fallback store, or no store), until released. */
  readonly #bypassed = new Map<string, 'fallback' | 'open'>();
  /** This process's waiting acquisitions, by `name\u0000token`: a grant goes to its one waiter. */
  readonly #waiting = new Map<string, Mailbox<number>>();
  readonly #dispatch = (message: string): void => {
    for (const grant of parseGrants(message)) this.#tell(grant);
  };

  /** This store's id: its waiters' grants are published on its own channel, `<prefix>:grants:<id>`. */
  readonly #id = globalThis.crypto.randomUUID().slice(0, 13);
  readonly #channels: string;
  readonly #names = new Map<string, { keys: string[]; head: string[] }>();
  /** Set once the store's grant channel is subscribed: watching is then only a local matter. */
  #listening = false;

  constructor(options: RedisStoreOptions) {
    this.#calls = new StoreCalls(options, 'RedisSemaphoreStore');
    this.#channels = `${this.#calls.prefix}:grants:`;
    this.#channel = new Channel(this.#calls, this.#channels + this.#id);
  }

  acquire(name: string, request: SemaphoreRequest): Promise<SemaphoreGrant> {
    return this.#ask('acquire', ACQUIRE, name, request);
  }

  tryAcquire(name: string, request: SemaphoreRequest): Promise<SemaphoreGrant> {
    return this.#ask('tryAcquire', TRY_ACQUIRE, name, request);
  }

  async renew(name: string, token: string, leaseMs: number): Promise<boolean> {
    checkName(name, 'name', 'RedisSemaphoreStore.renew()');
    const bypassed = this.#bypassed.get(token);
    if (bypassed === 'open') return true;
    if (bypassed === 'fallback') return this.#fallback.renew(name, token, leaseMs);
    const { keys, head } = this.#semaphore(name);
    return this.#calls.guarded(
      'semaphore renew',
      () =>
        this.#calls
          .raw(RENEW, [...keys, head[1] + token], [...head, token, String(Math.ceil(leaseMs))])
          .then((reply) => Number(reply) === 1),
      async () => true,
      () => true,
    );
  }

  async release(name: string, token: string, permits: number): Promise<boolean> {
    checkName(name, 'name', 'RedisSemaphoreStore.release()');
    checkPositive(permits, 'permits', 'RedisSemaphoreStore.release()');
    const bypassed = this.#bypassed.get(token);
    this.#bypassed.delete(token);
    if (bypassed === 'open') return true;
    if (bypassed === 'fallback') return this.#fallback.release(name, token, permits);
    const { keys, head } = this.#semaphore(name);
    return this.#calls.guarded(
      'semaphore release',
      () =>
        this.#calls
          .raw(RELEASE, [...keys, head[1] + token], [...head, token, String(permits)])
          .then((reply) => {
            const [held, announced] = replyList(reply, 'RedisSemaphoreStore.release()');
            this.#announce(name, announced);
            return Number(held) === 1;
          }),
      async () => false,
      () => false,
    );
  }

  async watch(name: string, token: string): Promise<SemaphoreWatch> {
    checkName(name, 'name', 'RedisSemaphoreStore.watch()');
    checkName(token, 'token', 'RedisSemaphoreStore.watch()');
    const key = `${name}\u0000${token}`;
    const mailbox = new Mailbox<number>();
    this.#waiting.set(key, mailbox);
    const close = () => {
      if (this.#waiting.get(key) === mailbox) this.#waiting.delete(key);
    };
    if (!this.#listening) {
      try {
        await this.#calls.guarded(
          'semaphore watch',
          async () => {
            await this.#channel.listen(this.#dispatch);
            this.#listening = true;
          },
          async () => {},
          () => {},
        );
      } catch (error) {
        close();
        throw error;
      }
    }
    return { next: (ms) => mailbox.take(ms), close };
  }

  async #ask(
    method: 'acquire' | 'tryAcquire',
    script: Script,
    name: string,
    request: SemaphoreRequest,
  ): Promise<SemaphoreGrant> {
    const caller = `RedisSemaphoreStore.${method}()`;
    checkName(name, 'name', caller);
    checkRequest(request, caller);
    const { token, weight, permits, leaseMs } = request;
    const bypassed = this.#bypassed.get(token);
    if (bypassed === 'open') return OPEN_GRANT;
    if (bypassed === 'fallback') return this.#fallback[method](name, request);
    const { keys, head } = this.#semaphore(name);
    const args = [...head, token, String(weight), String(permits), String(Math.ceil(leaseMs))];
    return this.#calls.guarded(
      `semaphore ${method}`,
      () =>
        this.#calls.raw(script, [...keys, head[1] + token], args).then((reply) => {
          const [granted, fence, ticket, announced] = replyList(reply, caller);
          this.#announce(name, announced);
          return { granted: Number(granted) === 1, fence: Number(fence), ticket: Number(ticket) };
        }),
      async () => {
        const grant = await this.#fallback[method](name, request);
        if (grant.granted || method === 'acquire') this.#bypassed.set(token, 'fallback');
        return grant;
      },
      () => {
        this.#bypassed.set(token, 'open');
        return OPEN_GRANT;
      },
    );
  }

  /** The grants a script of this process made to this process's waiters (they are not published). */
  #announce(name: string, announced: unknown): void {
    if (typeof announced !== 'string' || announced === '') return;
    for (const pair of announced.split(',')) {
      const equals = pair.lastIndexOf('=');
      this.#tell({ name, token: pair.slice(0, equals), fence: Number(pair.slice(equals + 1)) });
    }
  }

  #tell(grant: Grant): void {
    this.#waiting.get(`${grant.name}\u0000${grant.token}`)?.push(grant.fence);
  }

  /**
   * The four keys of a semaphore, and what every script is told first: this store's id, the prefix of
   * the semaphore's waiter keys (its hash tag), the prefix of the grant channels, and the label a grant
   * message starts with. Kept for the names in use (a few hundred at most, then made afresh).
   */
  #semaphore(name: string): { keys: string[]; head: string[] } {
    let made = this.#names.get(name);
    if (made === undefined) {
      const tag = this.#calls.tag('semaphore', name);
      made = {
        keys: [`${tag}:holders`, `${tag}:held`, `${tag}:queue`, `${tag}:summary`],
        head: [this.#id, `${tag}:w:`, this.#channels, `${name.length}:${name}`],
      };
      if (this.#names.size >= 256) this.#names.clear();
      this.#names.set(name, made);
    }
    return made;
  }
}
