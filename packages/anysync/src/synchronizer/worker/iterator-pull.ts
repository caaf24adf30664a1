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
 */
export function pull(iterator: AnyIterator, credit: number): Batch | Promise<Batch> {
  const items: unknown[] = [];
  try {
    while (items.length < credit) {
      const step = takeStep(iterator);
      if (isPromise(step)) return new AsyncPull(iterator, credit, items).start(step);
      if (step.done) return { status: Status.done, values: [...items, step.value] };
      items.push(step.value);
    }
  } catch (error) {
    return { status: Status.failed, values: [...items, error] };
  }
  return { status: Status.batch, values: items };
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
  ) {}

  start(first: Promise<IteratorResult<unknown>>): Promise<Batch> {
    const batch = new Promise<Batch>((resolve) => {
      this.#resolve = resolve;
    });
    this.#loop(first);
    return batch;
  }

  async #loop(first: Step): Promise<void> {
    const { items, iterator, credit } = this;
    this.#pending = first;
    try {
      for (;;) {
        const step = await this.#pending;
        // Sent early by the watchdog: the step awaited here was handed to the next pull.
        if (this.#sent) return;
        if (step.done) return this.#send({ status: Status.done, values: [...items, step.value] });
        items.push(step.value);
        if (items.length >= credit) return this.#send({ status: Status.batch, values: items });
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
  ahead.delete(iterator);
  return settle(iterator.return ? iterator.return(value) : { done: true, value });
}

/** Throws `error` into the iteration at the point the worker has pulled to. */
export function inject(iterator: AnyIterator, error: unknown): Batch | Promise<Batch> {
  ahead.delete(iterator);
  if (!iterator.throw) return { status: Status.failed, values: [error] };
  return settle(iterator.throw(error));
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
