import { Op, Status } from '../protocol.js';
import { toErrorRecord } from '../wire/error-record.js';
import type { Connection } from './connection.js';
import { type HandleState, liveState } from './handle-table.js';
import type { RawOutcome } from './sync-channel.js';
import { type IteratorEnd, splitPulledBatch } from './pulled-batch.js';

/** First batch size; it doubles with every pull up to half the connection's `maxBatch`. */
const FIRST_BATCH = 16;

/** Stands in for a connection when building `SyncRemoteIterator.#keeper`: no worker, no handle. */
const SHAPE_ONLY = { maxBatch: FIRST_BATCH, handles: { adopt: () => undefined } } as unknown as Connection;

/**
 * A worker iterator (typically an async generator) consumed from sync code. Items are pulled in batches:
 * small at first, doubling while the consumer keeps going, never more than `maxBatch` ahead. Each pull
 * also asks the worker to pull the next batch while this side works through the current one, so producing
 * and consuming overlap; batches are therefore at most half of `maxBatch` (one in hand, one ahead). `return()`
 * (a `break` out of `for...of`, or `using`) and `throw()` reach the worker generator, so its `finally`
 * blocks run there; a generator abandoned without either is closed when this object is collected.
 */
export class SyncRemoteIterator<T = unknown, R = unknown> implements Iterator<T, R>, Iterable<T>, Disposable {
  /**
   * An instance that lives as long as the class, holding no handle. V8 collects an object shape once no
   * object has it, and with it every optimized `next()` that relied on it: a full GC between two
   * iterations (when nothing else keeps an iterator alive) sent the next iteration back to slow code.
   */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: it is kept for its shape, never read
  static readonly #keeper = new SyncRemoteIterator(SHAPE_ONLY, 0);
  readonly #connection: Connection;
  readonly #state: HandleState;
  #items: unknown[] = [];
  #index = 0;
  #credit: number;
  #end: IteratorEnd | undefined;
  #finished = false;

  constructor(connection: Connection, id: number) {
    this.#connection = connection;
    this.#credit = Math.min(FIRST_BATCH, this.#limit);
    this.#state = connection.handles.adopt(this, id, 'iterator', `iterator#${id}`);
  }

  next(): IteratorResult<T, R> {
    for (;;) {
      if (this.#index < this.#items.length) return { value: this.#items[this.#index++] as T, done: false };
      if (this.#end || this.#finished) return this.#complete();
      const credit = this.#credit;
      // The batch in hand plus the one pulled ahead stay within `maxBatch`; with a limit of 1, no pulling ahead.
      this.#absorb(this.#call(Op.pull, [credit, credit * 2 <= this.#connection.maxBatch ? credit : 0]));
      this.#credit = Math.min(credit * 2, this.#limit);
    }
  }

  return(value?: R): IteratorResult<T, R> {
    if (this.#end || this.#finished) return this.#complete(value);
    this.#items = [];
    return this.#step(this.#call(Op.return, [value]));
  }

  throw(error?: unknown): IteratorResult<T, R> {
    if (this.#end || this.#finished) throw error;
    this.#items = [];
    return this.#step(this.#call(Op.throw, [toErrorRecord(error)]));
  }

  /** Largest batch: half of `maxBatch`, so that two batches fit (at least 1). */
  get #limit(): number {
    return Math.max(1, this.#connection.maxBatch >> 1);
  }

  [Symbol.iterator](): this {
    return this;
  }

  [Symbol.dispose](): void {
    this.return();
  }

  #call(op: number, args: unknown[]): RawOutcome {
    const state = liveState(this);
    return this.#connection.outcome(op as never, state.id, -1, args, undefined, state.label);
  }

  #absorb(outcome: RawOutcome): void {
    const { items, end } = splitPulledBatch(outcome, this.#connection);
    this.#index = 0;
    this.#items = items;
    if (end !== undefined) this.#end = end;
  }

  /** The single result of a `return()` or `throw()`: the generator may yield again from a `finally`. */
  #step(outcome: RawOutcome): IteratorResult<T, R> {
    this.#absorb(outcome);
    if (outcome.status === Status.batch) return this.next();
    this.#items = [];
    return this.#complete();
  }

  #complete(fallback?: unknown): IteratorResult<T, R> {
    const end = this.#end;
    this.#end = undefined;
    if (!this.#finished) {
      this.#finished = true;
      this.#state.owner.release(this.#state);
    }
    if (end && 'error' in end) throw end.error;
    return { value: (end ? end.value : fallback) as R, done: true };
  }
}
