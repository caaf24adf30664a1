import { Op, type OpCode, Status } from '../protocol.js';
import { toErrorRecord } from '../wire/error-record.js';
import type { Connection } from './connection.js';
import { type HandleState, liveState } from './handle-table.js';
import type { RawOutcome } from './sync-channel.js';
import { type IteratorEnd, splitPulledBatch } from './pulled-batch.js';

const FIRST_BATCH = 16;

/**
 * A worker iterator consumed from async code. Like the sync form it pulls batches with a credit limit,
 * and it keeps one batch in flight while the consumer works through the current one, so the worker
 * produces while the caller consumes (backpressure: never more than two batches ahead). Operations are
 * queued, so concurrent `next()` calls resolve in order; `return()` and `throw()` reach the worker.
 */
export class AsyncRemoteIterator<T = unknown, R = unknown> implements AsyncIterator<T, R>, AsyncDisposable {
  readonly #connection: Connection;
  readonly #state: HandleState;
  #items: unknown[] = [];
  #index = 0;
  #credit: number;
  #ahead: Promise<RawOutcome> | undefined;
  #end: IteratorEnd | undefined;
  #finished = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(connection: Connection, id: number) {
    this.#connection = connection;
    this.#credit = Math.min(FIRST_BATCH, connection.maxBatch);
    this.#state = connection.handles.adopt(this, id, 'iterator', `iterator#${id}`);
  }

  /** An async generator that makes the call producing the worker iterator on its first `next()`. */
  static async *deferred<T>(start: () => PromiseLike<AsyncIterator<T>>): AsyncGenerator<T, unknown, unknown> {
    const iterator = await start();
    return yield* { [Symbol.asyncIterator]: () => iterator };
  }

  next(): Promise<IteratorResult<T, R>> {
    return this.#enqueue(() => this.#next());
  }

  return(value?: R): Promise<IteratorResult<T, R>> {
    return this.#enqueue(() => this.#stop(Op.return, value));
  }

  throw(error?: unknown): Promise<IteratorResult<T, R>> {
    return this.#enqueue(() => this.#stop(Op.throw, toErrorRecord(error), error));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  #enqueue<V>(operation: () => Promise<V>): Promise<V> {
    const run = this.#queue.then(operation, operation);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #next(): Promise<IteratorResult<T, R>> {
    for (;;) {
      if (this.#index < this.#items.length) return { value: this.#items[this.#index++] as T, done: false };
      if (this.#end || this.#finished) return this.#complete();
      const outcome = await (this.#ahead ?? this.#pull());
      this.#ahead = undefined;
      this.#absorb(outcome);
      if (!this.#end) this.#ahead = this.#pull();
    }
  }

  async #stop(op: OpCode, arg: unknown, thrown?: unknown): Promise<IteratorResult<T, R>> {
    if (this.#end || this.#finished) {
      if (op === Op.throw) throw thrown;
      return this.#complete(arg);
    }
    await this.#ahead?.catch(() => undefined);
    this.#ahead = undefined;
    this.#items = [];
    const outcome = await this.#call(op, [arg]);
    this.#absorb(outcome);
    if (outcome.status === Status.batch) return this.#next();
    this.#items = [];
    return this.#complete();
  }

  #pull(): Promise<RawOutcome> {
    const pending = this.#call(Op.pull, [this.#credit]);
    this.#credit = Math.min(this.#credit * 2, this.#connection.maxBatch);
    // A batch fetched ahead may fail while nobody awaits it yet; it is awaited (and rethrown) later.
    pending.catch(() => {});
    return pending;
  }

  #call(op: OpCode, args: unknown[]): Promise<RawOutcome> {
    const state = liveState(this);
    return this.#connection.outcomeAsync(
      { op, target: state.id, name: -1, args, label: state.label },
      undefined,
      this,
    );
  }

  #absorb(outcome: RawOutcome): void {
    const { items, end } = splitPulledBatch(outcome, this.#connection);
    this.#index = 0;
    this.#items = items;
    if (end !== undefined) this.#end = end;
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
