import { CancelScope } from '../concurrency/cancel-scope.js';
import { runInScope } from '../concurrency/current-scope.js';
import { WaitQueue } from '../internal/wait-queue.js';

/**
 * What a computation started by `AsyncCache.get()` receives: the key it computes, and a signal that aborts
 * only when every caller waiting for it has left (their own signals aborted or their scopes were
 * cancelled). The signal is created on first read, so computations that never read it pay nothing.
 *
 * @example
 * ```ts
 * import { AsyncCache, type ComputeContext } from 'anysync/cache';
 *
 * const pages = new AsyncCache<string, string>({ max: 100 });
 * const download = async ({ key, signal }: ComputeContext<string>) => (await fetch(key, { signal })).text();
 * const html = await pages.get('https://example.com', download);
 * ```
 */
export interface ComputeContext<K> {
  readonly key: K;
  readonly signal: AbortSignal;
}

/** Why a computation was cancelled: its CancelledError's `reason`. */
export const ABANDONED = 'every caller left';

/**
 * One computation shared by every caller of the same key until it settles. Callers that cannot leave
 * (no signal, no cancel scope around them) get the computation's own promise and pin it; callers that can
 * leave wait in a queue, and when the last of them leaves an unpinned flight, it is abandoned.
 */
export class Flight<K, V> implements ComputeContext<K> {
  promise: Promise<V> = undefined as unknown as Promise<V>;
  pinned = false;
  settled = false;
  abandoned = false;
  #scope: CancelScope | undefined;
  #entered = false;
  #waiters: WaitQueue<V> | undefined;

  constructor(
    readonly key: K,
    readonly onLeft: (flight: Flight<K, V>) => void,
  ) {}

  get signal(): AbortSignal {
    this.#scope ??= new CancelScope();
    return this.#scope.signal;
  }

  get waiting(): number {
    return this.#waiters?.size ?? 0;
  }

  /**
   * Runs `compute(this, arg)` inside the flight's own cancel scope, so anysync waits inside it (and
   * `currentSignal()`) see an abandonment. The scope is shielded: the first caller's cancellation or
   * deadline is that caller's business, not the shared work's.
   */
  runScoped<A>(
    compute: (context: ComputeContext<K>, arg: A) => V | PromiseLike<V>,
    arg: A,
  ): V | PromiseLike<V> {
    const scope = new CancelScope({ shield: true }).enter();
    this.#scope = scope;
    this.#entered = true;
    return runInScope(scope, () => compute(this, arg), undefined);
  }

  /** A wait for the result that stops, alone, when `signal` aborts or the caller's scope is cancelled. */
  wait(signal: AbortSignal | undefined): Promise<V> {
    this.#waiters ??= new WaitQueue<V>(() => this.onLeft(this));
    return this.#waiters.wait(undefined, signal === undefined ? undefined : { signal });
  }

  abandon(): void {
    this.abandoned = true;
    this.#scope?.cancel(ABANDONED);
  }

  fulfil(value: V): void {
    this.#settle();
    const waiters = this.#waiters;
    if (waiters !== undefined) while (waiters.resolveHead(value));
  }

  fail(error: unknown): void {
    this.#settle();
    this.#waiters?.rejectAll(error);
  }

  #settle(): void {
    this.settled = true;
    if (this.#entered) this.#scope?.[Symbol.dispose]();
  }
}
