import { currentScope } from '../concurrency/current-scope.js';
import { Alarm } from '../internal/alarm.js';
import { currentClock } from '../internal/clock.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { LeaseLostError } from './lease-lost-error.js';
import type { SemaphoreGrant, SemaphoreStore } from './semaphore-store.js';
import { SharedPermit } from './shared-permit.js';

/** Rejects when `signal` aborts; `detach()` removes the listener. */
function abortion(signal: AbortSignal): { promise: Promise<never>; detach: () => void } {
  let listener: (() => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    listener = () => reject(signal.reason);
    signal.addEventListener('abort', listener, { once: true });
  });
  promise.catch(() => {});
  return { promise, detach: () => signal.removeEventListener('abort', listener as () => void) };
}

/**
 * The engine of a `Semaphore` or `Lock` with a `store`. Each acquisition queues in the store at once (so
 * arrival order is the store's, across processes), then waits to be told of its grant; a heartbeat every
 * third of the lease keeps its place and catches a missed announcement. A granted permit renews its lease
 * in the background until released.
 */
export class SharedSemaphore {
  constructor(
    readonly store: SemaphoreStore,
    readonly name: string,
    readonly permits: number,
    readonly leaseMs: number,
    readonly onLockLost: ((error: LeaseLostError, permit: SharedPermit) => void) | undefined,
  ) {}

  #checkWeight(weight: number): void {
    if (weight > this.permits) {
      throw new RangeError(
        `a weight of ${weight} can never be served by '${this.name}' (${this.permits} permits)`,
      );
    }
  }

  async acquire(weight: number, options: WaitOptions | undefined): Promise<SharedPermit> {
    this.#checkWeight(weight);
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    const signals = [options?.signal, currentScope()?.signal].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    const aborts = signals.map(abortion);
    const request = {
      token: globalThis.crypto.randomUUID(),
      weight,
      permits: this.permits,
      leaseMs: this.leaseMs,
    };
    const watch = await this.store.watch(this.name, request.token);
    const race = <T>(promise: Promise<T>): Promise<T> =>
      aborts.length === 0 ? promise : Promise.race([promise, ...aborts.map((a) => a.promise)]);
    try {
      let grant = await race(this.store.acquire(this.name, request));
      while (!grant.granted) {
        const fence = await race(watch.next(this.leaseMs / 3));
        grant =
          fence === undefined
            ? await race(this.store.acquire(this.name, request))
            : { granted: true, fence, ticket: grant.ticket };
      }
      for (const signal of signals) if (signal.aborted) throw signal.reason;
      return this.#permit(request.token, grant);
    } catch (error) {
      // Leave the queue; if the grant came meanwhile, this gives the permits straight back.
      await this.store.release(this.name, request.token, this.permits).catch(() => {});
      throw error;
    } finally {
      watch.close();
      for (const abort of aborts) abort.detach();
    }
  }

  /** Runs of this process holding permits now (how `map()` knows whether one more would start at once). */
  running = 0;

  async run<T>(fn: () => T | PromiseLike<T>, weight: number, options: WaitOptions | undefined): Promise<T> {
    const permit = await this.acquire(weight, options);
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      await permit.releaseAsync().catch(() => {});
    }
  }

  async tryAcquire(weight: number): Promise<SharedPermit | undefined> {
    this.#checkWeight(weight);
    const request = {
      token: globalThis.crypto.randomUUID(),
      weight,
      permits: this.permits,
      leaseMs: this.leaseMs,
    };
    const grant = await this.store.tryAcquire(this.name, request);
    return grant.granted ? this.#permit(request.token, grant) : undefined;
  }

  /** A permit for a grant, renewing its lease every third of it until released or lost. */
  #permit(token: string, grant: SemaphoreGrant): SharedPermit {
    const alarm = new Alarm();
    let held = true;
    const permit = new SharedPermit(
      () => {
        held = false;
        alarm.wake();
        return this.store.release(this.name, token, this.permits).then(() => {});
      },
      grant.fence,
      grant.ticket,
    );
    void this.#renew(token, permit, alarm, () => held);
    return permit;
  }

  async #renew(token: string, permit: SharedPermit, alarm: Alarm, held: () => boolean): Promise<void> {
    const clock = currentClock();
    let renewedAt = clock.now();
    while (held()) {
      await alarm.wait(this.leaseMs / 3);
      if (!held()) return;
      let reason: string | undefined;
      try {
        if (await this.store.renew(this.name, token, this.leaseMs)) renewedAt = clock.now();
        else reason = 'the store no longer lists it as a holder';
      } catch (error) {
        if (clock.now() - renewedAt >= this.leaseMs)
          reason = `the store could not be reached for a whole lease (${String(error)})`;
      }
      if (reason !== undefined && held()) {
        const error = new LeaseLostError(this.name, reason);
        permit.loseLease(error);
        this.onLockLost?.(error, permit);
        return;
      }
    }
  }
}
