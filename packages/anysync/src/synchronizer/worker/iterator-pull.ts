import { clearImmediate, setImmediate } from '../backends/immediate.js';
import { Status, type StatusCode } from '../protocol.js';

/** Items pulled in one round trip and how the iteration stands after them. */
export interface Batch {
  status: StatusCode;
  /** The items, then the return value (`Status.done`) or the thrown value (`Status.failed`). */
  values: unknown[];
}

type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;
type Step = IteratorResult<unknown> | Promise<IteratorResult<unknown>>;

/** A `next()` already started on the worker's side while the previous batch was on its way. */
const ahead = new WeakMap<object, Step>();

/**
 * Pulls up to `credit` items from `iterator`, so the worker never runs more than `credit` items ahead of
 * the consumer. Sync iterators are drained without a single promise; async ones are awaited item by item.
 * A slow source never holds a batch back: once one item is in hand, a check armed with `setImmediate`
 * (which fires only if the generator had to wait for the event loop, not while items come from
 * microtasks) sends the batch as it is, and the `next()` still pending is kept for the next pull.
 *
 * A batch pulled ahead by `pullAhead` is handed out first (awaited if it is still being pulled).
 */
export function pull(iterator: AnyIterator, credit: number, early?: PullAhead): Batch | Promise<Batch> {
  const fetched = prefetched.get(iterator);
  if (fetched) {
    prefetched.delete(iterator);
    return fetched.batch;
  }
  const items: unknown[] = [];
  try {
    while (items.length < credit) {
      const step = takeStep(iterator);
      if (isPromise(step)) {
        const started = new AsyncPull(iterator, credit, items, early?.wanted);
        if (early) early.pull = started;
        return started.start(step);
      }
      if (step.done) return { status: Status.done, values: [...items, step.value] };
      items.push(step.value);
      if (early && items.length * 2 >= credit && early.wanted()) break;
    }
  } catch (error) {
    return { status: Status.failed, values: [...items, error] };
  }
  return { status: Status.batch, values: items };
}

/** A batch being pulled before it is asked for; `stop` keeps it from starting any further `next()`. */
interface Prefetch {
  batch: Batch | Promise<Batch>;
  stop(): void;
}

/** Batches pulled ahead (see `pullAhead`), by iterator. */
const prefetched = new WeakMap<object, Prefetch>();

/** A pull ahead in progress: `wanted` tells when the consumer already asks for what it has so far. */
interface PullAhead {
  wanted: () => boolean;
  pull?: AsyncPull;
}

/**
 * Starts pulling the next `count` items while the consumer works through the batch it was just sent, so
 * the worker produces while the caller consumes. The caller asks for it only when the items in its hands
 * plus `count` stay within its limit of items ahead. Once half the batch is in hand, `wanted` is checked
 * after each item: when it is true (the consumer has sent its next request) the batch ends there, so the
 * consumer waits for half a batch at most, not for a full one. Returns a promise that settles when the batch is in hand, or `undefined` when it
 * already is (a sync iterator) or nothing was started.
 */
export function pullAhead(
  iterator: AnyIterator,
  count: number,
  wanted: () => boolean,
): Promise<unknown> | undefined {
  if (count <= 0 || prefetched.has(iterator)) return undefined;
  const state: PullAhead = { wanted };
  const batch = pull(iterator, count, state);
  prefetched.set(iterator, { batch, stop: () => state.pull?.stop() });
  return isPromise(batch) ? batch : undefined;
}

/** One batch from an async iterator. */
class AsyncPull {
  #resolve!: (batch: Batch) => void;
  #sent = false;
  #pending: Step | undefined;
  #watchdog: NodeJS.Immediate | undefined;

  constructor(
    private readonly iterator: AnyIterator,
    private readonly credit: number,
    private readonly items: unknown[],
    private readonly wanted?: () => boolean,
  ) {}

  start(first: Promise<IteratorResult<unknown>>): Promise<Batch> {
    const batch = new Promise<Batch>((resolve) => {
      this.#resolve = resolve;
    });
    this.#loop(first);
    return batch;
  }

  async #loop(first: Step): Promise<void> {
    const { items, iterator, credit, wanted } = this;
    this.#pending = first;
    try {
      for (;;) {
        const step = await this.#pending;
        // Sent early by the watchdog: the step awaited here was handed to the next pull.
        if (this.#sent) return;
        if (step.done) return this.#send({ status: Status.done, values: [...items, step.value] });
        items.push(step.value);
        if (items.length >= credit || (wanted && items.length * 2 >= credit && wanted())) {
          return this.#send({ status: Status.batch, values: items });
        }
        if (items.length === 1) this.#watchdog = setImmediate(() => this.#sendEarly());
        // Only the first step of a pull can have been started ahead of time.
        this.#pending = iterator.next();
      }
    } catch (error) {
      if (!this.#sent) this.#send({ status: Status.failed, values: [...items, error] });
    }
  }

  /** The next item is not ready: send what is in hand and leave the pending step to the next pull. */
  #sendEarly(): void {
    if (this.#sent) return;
    if (this.#pending) ahead.set(this.iterator, this.#pending);
    this.#send({ status: Status.batch, values: this.items.slice() });
  }

  /** Ends the pull where it stands: the `next()` pending settles unseen and no further one starts. */
  stop(): void {
    this.#sent = true;
    if (this.#watchdog) clearImmediate(this.#watchdog);
    this.#resolve({ status: Status.batch, values: [] });
  }

  #send(batch: Batch): void {
    if (this.#sent) return;
    this.#sent = true;
    if (this.#watchdog) clearImmediate(this.#watchdog);
    this.#resolve(batch);
  }
}

function takeStep(iterator: AnyIterator): Step {
  const pending = ahead.get(iterator);
  if (pending) {
    ahead.delete(iterator);
    return pending;
  }
  return iterator.next();
}

/** Ends the iteration early, running the generator's `finally` blocks; `value` is returned as its result. */
export function finish(iterator: AnyIterator, value: unknown): Batch | Promise<Batch> {
  forget(iterator);
  return settle(iterator.return ? iterator.return(value) : { done: true, value });
}

/** Throws `error` into the iteration at the point the worker has pulled to. */
export function inject(iterator: AnyIterator, error: unknown): Batch | Promise<Batch> {
  forget(iterator);
  if (!iterator.throw) return { status: Status.failed, values: [error] };
  return settle(iterator.throw(error));
}

/** Drops what was pulled ahead of the consumer: `return()` and `throw()` act where it stands. */
function forget(iterator: AnyIterator): void {
  ahead.delete(iterator);
  prefetched.get(iterator)?.stop();
  prefetched.delete(iterator);
}

function settle(step: Step): Batch | Promise<Batch> {
  if (!isPromise(step)) return asBatch(step);
  return step.then(asBatch, (error: unknown) => ({ status: Status.failed, values: [error] }));
}

function asBatch(step: IteratorResult<unknown>): Batch {
  return step.done
    ? { status: Status.done, values: [step.value] }
    : { status: Status.batch, values: [step.value] };
}

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | null)?.then === 'function';
}
