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

/** Microtask turns to give an async generator before deciding its next item is not ready yet. */
const SETTLE_TURNS = 4;

/**
 * Pulls up to `credit` items from `iterator`, so the worker never runs more than `credit` items ahead of
 * the consumer. Sync iterators are drained without a single promise; async ones are awaited item by item,
 * but once one item is in hand the batch goes out as soon as the next is not ready within a few microtask
 * turns — a slow source is never held back to fill a batch. That unready `next()` is kept for the next pull.
 */
export function pull(iterator: AnyIterator, credit: number): Batch | Promise<Batch> {
  const items: unknown[] = [];
  try {
    while (items.length < credit) {
      const step = takeStep(iterator);
      if (isPromise(step)) return pullAsync(iterator, credit, items, step);
      if (step.done) return { status: Status.done, values: [...items, step.value] };
      items.push(step.value);
    }
  } catch (error) {
    return { status: Status.failed, values: [...items, error] };
  }
  return { status: Status.batch, values: items };
}

async function pullAsync(
  iterator: AnyIterator,
  credit: number,
  items: unknown[],
  first: Step,
): Promise<Batch> {
  try {
    let step = await first;
    for (;;) {
      if (step.done) return { status: Status.done, values: [...items, step.value] };
      items.push(step.value);
      if (items.length >= credit) return { status: Status.batch, values: items };
      const next = takeStep(iterator);
      const ready = await settledSoon(next);
      if (!ready) {
        ahead.set(iterator, next);
        return { status: Status.batch, values: items };
      }
      step = ready.step;
    }
  } catch (error) {
    return { status: Status.failed, values: [...items, error] };
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

/** The step if it settles within a few microtask turns; rejections rethrow. */
async function settledSoon(step: Step): Promise<{ step: IteratorResult<unknown> } | undefined> {
  if (!isPromise(step)) return { step };
  let outcome: { step: IteratorResult<unknown> } | { error: unknown } | undefined;
  step.then(
    (value) => {
      outcome = { step: value };
    },
    (error: unknown) => {
      outcome = { error };
    },
  );
  for (let turn = 0; turn < SETTLE_TURNS && !outcome; turn++) await undefined;
  if (!outcome) return undefined;
  if ('error' in outcome) throw outcome.error;
  return outcome;
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
