import { CancelScope } from '../concurrency/cancel-scope.js';
import { Deque } from '../internal/deque.js';
import type { SourceReader } from './source-reader.js';

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

/** One call of the mapped function, in flight or settled. */
interface Slot<R> {
  state: typeof PENDING | typeof FULFILLED | typeof REJECTED;
  value: R | undefined;
  error: unknown;
}

/**
 * Runs `fn` over a source with up to `limit` items in the window: items pulled and not yet released by
 * the consumer (it releases one by asking for the next), whether their call is running or done. Ordered, results leave in input order; unordered, as
 * they settle. The first failure stops the pulling, aborts the other calls' signal, and is thrown once
 * they have settled: no call outlives the iteration, even when the consumer stops early.
 */
export class MapPool<T, R> {
  readonly #reader: SourceReader<T>;
  readonly #fn: (item: T, index: number, signal: AbortSignal) => R | PromiseLike<R>;
  readonly #limit: number;
  readonly #ordered: boolean;
  readonly #scope: CancelScope;
  /** Ordered: every slot in the window, in input order. Unordered: settled slots, in settling order. */
  readonly #slots = new Deque<Slot<R>>();
  #inWindow = 0;
  #running = 0;
  #index = 0;
  #pulling = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;

  constructor(
    reader: SourceReader<T>,
    fn: (item: T, index: number, signal: AbortSignal) => R | PromiseLike<R>,
    options: { limit: number; ordered: boolean; signal: AbortSignal | undefined },
  ) {
    this.#reader = reader;
    this.#fn = fn;
    this.#limit = options.limit;
    this.#ordered = options.ordered;
    this.#scope = new CancelScope({ signal: options.signal });
  }

  async *results(): AsyncGenerator<R, void, undefined> {
    const scope = this.#scope.enter();
    scope.addCancelListener({ onCancel: () => this.#notify() });
    try {
      this.#fill();
      for (;;) {
        const slot = this.#slots.peek();
        if (slot !== undefined && slot.state !== PENDING) {
          this.#slots.shift();
          if (slot.state === REJECTED) throw this.#failure?.error ?? scope.cancelError;
          yield slot.value as R;
          // The item leaves the window only when the consumer asks for the next one: with a limit of 1
          // the source is read strictly on demand.
          this.#inWindow--;
          this.#fill();
          continue;
        }
        if (this.#failure !== undefined) throw this.#failure.error;
        if (scope.cancelled) throw scope.cancelError;
        if (this.#inWindow === 0 && this.#reader.finished) return;
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    } finally {
      await this.#shutDown();
    }
  }

  /** Pulls the next item if the window has room; one pull at a time, sources are sequential. */
  #fill(): void {
    if (this.#pulling || this.#inWindow >= this.#limit || this.#reader.finished) return;
    if (this.#failure !== undefined || this.#scope.cancelled) return;
    this.#pulling = true;
    this.#inWindow++;
    this.#reader.next().then(
      (step) => {
        this.#pulling = false;
        if (step.done === true) this.#inWindow--;
        else this.#start(step.value);
        this.#fill();
        this.#notify();
      },
      (error: unknown) => {
        this.#pulling = false;
        this.#inWindow--;
        this.#fail(error);
      },
    );
  }

  #start(item: T): void {
    const slot: Slot<R> = { state: PENDING, value: undefined, error: undefined };
    if (this.#ordered) this.#slots.push(slot);
    this.#running++;
    let result: R | PromiseLike<R>;
    try {
      result = this.#fn(item, this.#index++, this.#scope.signal);
    } catch (error) {
      result = Promise.reject(error);
    }
    Promise.resolve(result).then(
      (value) => this.#settle(slot, FULFILLED, value, undefined),
      (error: unknown) => this.#settle(slot, REJECTED, undefined, error),
    );
  }

  #settle(
    slot: Slot<R>,
    state: typeof FULFILLED | typeof REJECTED,
    value: R | undefined,
    error: unknown,
  ): void {
    this.#running--;
    slot.state = state;
    slot.value = value;
    slot.error = error;
    // A call that fails because the iteration was already cancelled reports nothing new.
    if (state === REJECTED) {
      if (!this.#scope.cancelled) this.#fail(error);
    } else if (!this.#ordered) this.#slots.push(slot);
    this.#notify();
  }

  #fail(error: unknown): void {
    this.#failure ??= { error };
    this.#scope.cancel(error);
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Aborts the calls still running, closes the source and waits for the calls to settle. */
  async #shutDown(): Promise<void> {
    if (this.#running > 0) this.#scope.cancel('the iteration ended');
    const closing = this.#reader.close();
    while (this.#running > 0) await new Promise<void>((resolve) => (this.#wake = resolve));
    this.#scope[Symbol.dispose]();
    await closing;
  }
}
