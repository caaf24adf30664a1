import { Alarm } from '../internal/alarm.js';
import { checkStoreName } from '../internal/check-store-name.js';
import { currentClock } from '../internal/clock.js';
import { checkSemaphoreRequest } from './check-semaphore-request.js';
import type { SemaphoreGrant, SemaphoreRequest, SemaphoreStore, SemaphoreWatch } from './semaphore-store.js';

interface Entry {
  readonly weight: number;
  readonly ticket: number;
  fence: number;
  expires: number;
}

/** One semaphore: holders and the queue (a Map keeps insertion order, so it is the FIFO). */
class State {
  readonly holders = new Map<string, Entry>();
  readonly queue = new Map<string, Entry>();
  used = 0;
}

class MemoryWatch implements SemaphoreWatch {
  readonly #alarm = new Alarm();
  #fence: number | undefined;

  constructor(readonly close: () => void) {}

  push(fence: number): void {
    this.#fence = fence;
    this.#alarm.wake();
  }

  async next(ms: number): Promise<number | undefined> {
    if (this.#fence === undefined) await this.#alarm.wait(ms);
    const fence = this.#fence;
    this.#fence = undefined;
    return fence;
  }
}

/**
 * The in-process {@link SemaphoreStore}: what `@anysync/redis` falls back to, and the reference its Redis
 * store is tested against. Time is anysync's clock; fencing tokens grow across all its semaphores.
 *
 * @example
 * ```ts
 * import { MemorySemaphoreStore, Semaphore } from 'anysync/primitives';
 *
 * const store = new MemorySemaphoreStore();
 * const a = new Semaphore(2, { store, name: 'uploads' });
 * const b = new Semaphore(2, { store, name: 'uploads' });
 * const held = [await a.acquire(), await b.acquire()];
 * console.log(await a.tryAcquire()); // undefined: a and b share 2 permits
 * for (const permit of held) await permit.releaseAsync();
 * ```
 */
export class MemorySemaphoreStore implements SemaphoreStore {
  readonly #states = new Map<string, State>();
  /** Watches by `name\u0000token`. */
  readonly #watches = new Map<string, MemoryWatch>();
  #tickets = 0;
  #fences = 0;

  /** How many semaphores have holders or waiters. */
  get size(): number {
    return this.#states.size;
  }

  acquire(name: string, request: SemaphoreRequest): Promise<SemaphoreGrant> {
    return this.#answer(name, request, 'acquire()', (state, now) => {
      const { token, weight, leaseMs } = request;
      const entry = state.holders.get(token) ?? state.queue.get(token);
      if (entry !== undefined) entry.expires = now + leaseMs;
      else state.queue.set(token, { weight, ticket: ++this.#tickets, fence: 0, expires: now + leaseMs });
      this.#grant(name, state, request.permits);
      return this.#grantOf(state, token);
    });
  }

  tryAcquire(name: string, request: SemaphoreRequest): Promise<SemaphoreGrant> {
    return this.#answer(name, request, 'tryAcquire()', (state, now) => {
      const { token, weight, leaseMs, permits } = request;
      if (!state.holders.has(token) && state.queue.size === 0 && state.used + weight <= permits) {
        state.holders.set(token, {
          weight,
          ticket: ++this.#tickets,
          fence: ++this.#fences,
          expires: now + leaseMs,
        });
        state.used += weight;
      }
      return this.#grantOf(state, token);
    });
  }

  async renew(name: string, token: string, leaseMs: number): Promise<boolean> {
    checkStoreName(name, 'MemorySemaphoreStore.renew()');
    const now = currentClock().now();
    const state = this.#live(name, now);
    const entry = state?.holders.get(token);
    if (entry !== undefined) entry.expires = now + leaseMs;
    return entry !== undefined;
  }

  async release(name: string, token: string, permits: number): Promise<boolean> {
    checkStoreName(name, 'MemorySemaphoreStore.release()');
    const now = currentClock().now();
    const state = this.#live(name, now);
    if (state === undefined) return false;
    const held = state.holders.get(token);
    if (held !== undefined) {
      state.holders.delete(token);
      state.used -= held.weight;
    } else state.queue.delete(token);
    this.#grant(name, state, permits);
    this.#dropIfEmpty(name, state);
    return held !== undefined;
  }

  async watch(name: string, token: string): Promise<SemaphoreWatch> {
    checkStoreName(name, 'MemorySemaphoreStore.watch()');
    checkStoreName(token, 'MemorySemaphoreStore.watch(): token');
    const key = `${name}\u0000${token}`;
    const watch: MemoryWatch = new MemoryWatch(() => {
      if (this.#watches.get(key) === watch) this.#watches.delete(key);
    });
    this.#watches.set(key, watch);
    return watch;
  }

  async #answer(
    name: string,
    request: SemaphoreRequest,
    method: string,
    answer: (state: State, now: number) => SemaphoreGrant,
  ): Promise<SemaphoreGrant> {
    checkStoreName(name, `MemorySemaphoreStore.${method}`);
    checkSemaphoreRequest(request, `MemorySemaphoreStore.${method}`);
    const now = currentClock().now();
    const state = this.#live(name, now) ?? new State();
    this.#states.set(name, state);
    const grant = answer(state, now);
    this.#dropIfEmpty(name, state);
    return grant;
  }

  #grantOf(state: State, token: string): SemaphoreGrant {
    const held = state.holders.get(token);
    if (held !== undefined) return { granted: true, fence: held.fence, ticket: held.ticket };
    return { granted: false, fence: 0, ticket: state.queue.get(token)?.ticket ?? 0 };
  }

  /** Serves the queue from its head while the head fits; a granted waiter keeps the lease it had queued. */
  #grant(name: string, state: State, permits: number): void {
    for (const [token, entry] of state.queue) {
      if (state.used + entry.weight > permits) break;
      state.queue.delete(token);
      entry.fence = ++this.#fences;
      state.holders.set(token, entry);
      state.used += entry.weight;
      this.#watches.get(`${name}\u0000${token}`)?.push(entry.fence);
    }
  }

  /** The state of `name` with expired holders and waiters dropped. */
  #live(name: string, now: number): State | undefined {
    const state = this.#states.get(name);
    if (state === undefined) return undefined;
    for (const [token, entry] of state.holders) {
      if (entry.expires > now) continue;
      state.holders.delete(token);
      state.used -= entry.weight;
    }
    for (const [token, entry] of state.queue) if (entry.expires <= now) state.queue.delete(token);
    return state;
  }

  #dropIfEmpty(name: string, state: State): void {
    if (state.holders.size === 0 && state.queue.size === 0) this.#states.delete(name);
  }
}
