import { abortable } from '../concurrency/abortable.js';
import { TimeoutError } from '../concurrency/timeout-error.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkCallOptions, checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import type { WaitOptions } from '../internal/wait-queue.js';
import { ClosedResourceError } from '../primitives/closed-resource-error.js';
import { EndOfStreamError } from '../primitives/end-of-stream-error.js';
import type { TryReceiveResult } from '../primitives/receive-channel.js';
import { canBlock } from '../runtime/current-runtime.js';
import { RecordRing } from './record-ring.js';
import {
  CLOSED,
  COUNT,
  checkHandle,
  createHandle,
  type DualQueueHandle,
  GET_SEQ,
  GETTERS_ASLEEP,
  HEADER_BYTES,
  MAX_ITEMS,
  PUT_SEQ,
  PUTTERS_ASLEEP,
  USED,
  WAITING_GETTERS,
  WAITING_PUTTERS,
} from './shared-layout.js';
import { SharedLock } from './shared-lock.js';
import { holdOpen, release } from './keep-alive.js';
import { checkCodec, decodeValue, encodeValue, type ValueCodec } from './value-codec.js';
import { waitAsync } from './wait-async.js';

/**
 * Options of {@link DualQueue}.
 *
 * @example
 * ```ts
 * import { DualQueue, type DualQueueOptions } from 'anysync/dual-queue';
 *
 * const options: DualQueueOptions = { maxItems: 1000, bytes: 4 * 1024 * 1024 };
 * const jobs = new DualQueue<{ id: number }>(options);
 * ```
 */
export interface DualQueueOptions {
  /** At most this many items (default: as many as fit in `bytes`). */
  readonly maxItems?: number | undefined;
  /** Size of the shared ring holding the encoded items, in bytes (default 1 MiB); bounds the queue too. */
  readonly bytes?: number | undefined;
  /** Replaces structured clone (both sides must use the same codec), e.g. for a runtime without node:v8. */
  readonly codec?: ValueCodec | undefined;
}

/**
 * What `DualQueue.stats()` reports; it is the same from every thread.
 *
 * @example
 * ```ts
 * import { DualQueue, type DualQueueStats } from 'anysync/dual-queue';
 *
 * const stats: DualQueueStats = new DualQueue({ bytes: 1024 }).stats();
 * console.log(stats.size, stats.capacity); // 0 1024
 * ```
 */
export interface DualQueueStats {
  readonly size: number;
  readonly usedBytes: number;
  readonly capacity: number;
  readonly maxItems: number;
  readonly waitingGetters: number;
  readonly waitingPutters: number;
  readonly closed: boolean;
}

const DEFAULT_BYTES = 1024 * 1024;
/** A record taken from the ring: its payload, or its text (its tag is the ring's `tag` until the next read). */
type Record = Uint8Array | string;
const RESOLVED: Promise<void> = Promise.resolve();
const utf8 = new TextEncoder();

/**
 * One FIFO queue shared by the main thread and worker threads through shared memory (async-utils'
 * `dual_color` queues): every thread that holds it can `await put()`/`await get()`, and a thread that may
 * block (a worker, or Node's main thread) can also `putSync()`/`getSync()`. Values cross by structured
 * clone (strings as UTF-8), bounded by `maxItems` and by the bytes of the shared ring, with backpressure:
 * a put into a full queue waits. Open the same queue in a worker with `DualQueue.from(queue.handle)`.
 * `close()` is seen by every thread: puts fail, gets drain what is left and then end.
 *
 * @example
 * ```ts
 * import { Worker } from 'node:worker_threads';
 * import { DualQueue } from 'anysync/dual-queue';
 *
 * const results = new DualQueue<number>({ maxItems: 100 });
 * const worker = new Worker(
 *   `const { DualQueue } = await import('anysync/dual-queue');
 *    const { workerData } = await import('node:worker_threads');
 *    const results = DualQueue.from(workerData);
 *    for (let i = 0; i < 3; i++) results.putSync(i * i); // blocks while the queue is full
 *    results.close();`,
 *   { eval: true, workerData: results.handle },
 * );
 * for await (const square of results) console.log(square); // 0, 1, 4
 * await worker.terminate();
 * ```
 */
export class DualQueue<T> implements AsyncIterable<T> {
  readonly #handle: DualQueueHandle;
  readonly #control: Int32Array;
  readonly #lock: SharedLock;
  readonly #ring: RecordRing;
  readonly #codec: ValueCodec | undefined;

  /** Opens the queue behind `handle` (from another thread's `queue.handle`). */
  static from<T>(
    handle: DualQueueHandle,
    options?: { readonly codec?: ValueCodec | undefined },
  ): DualQueue<T> {
    checkHandle(handle, 'DualQueue.from(): handle');
    checkOptions(options, 'DualQueue.from()', ['codec']);
    return new DualQueue<T>({ codec: checkCodec(options?.codec, 'DualQueue.from(): codec') }, handle);
  }

  /** Creates a queue (`existing` is how `DualQueue.from(handle)` opens one; use that instead). */
  constructor(options?: DualQueueOptions, existing?: DualQueueHandle) {
    checkOptions(options, 'DualQueue', ['maxItems', 'bytes', 'codec']);
    this.#codec = checkCodec(options?.codec, 'DualQueue: codec');
    if (existing !== undefined) checkHandle(existing, 'DualQueue: existing');
    this.#handle = existing ?? createHandle(options?.bytes ?? DEFAULT_BYTES, options?.maxItems);
    this.#control = new Int32Array(this.#handle.control);
    this.#lock = new SharedLock(this.#control);
    this.#ring = new RecordRing(this.#control, this.#handle.data);
  }

  /** The shared memory to pass to a worker (as `workerData` or in a message). */
  get handle(): DualQueueHandle {
    return this.#handle;
  }

  get size(): number {
    return Atomics.load(this.#control, COUNT);
  }

  get closed(): boolean {
    return Atomics.load(this.#control, CLOSED) === 1;
  }

  /** Adds `value`, waiting while the queue is full. Rejects with ClosedResourceError once closed. */
  put(value: T, options?: WaitOptions): Promise<void> {
    checkWaitOptions(options, 'DualQueue.put()');
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    let tag: number;
    let bytes: Uint8Array | string;
    try {
      [tag, bytes] = this.#encode(value, 'put');
      // The common case settles at once, without the machinery of an async function.
      if (this.#lock.tryLock()) {
        const seq = this.#putLocked(tag, bytes, 'put', true);
        if (seq === undefined) return RESOLVED;
        return this.#putWaiting(tag, bytes, seq, options);
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#putWaiting(tag, bytes, undefined, options);
  }

  async #putWaiting(
    tag: number,
    bytes: Uint8Array | string,
    seq: number | undefined,
    options: WaitOptions | undefined,
  ) {
    for (let waitFor = seq; ; ) {
      if (waitFor !== undefined) await this.#waitAsync(GET_SEQ, WAITING_PUTTERS, waitFor, options);
      if (!this.#lock.tryLock()) await this.#lock.lockAsync();
      waitFor = this.#putLocked(tag, bytes, 'put', true);
      if (waitFor === undefined) return;
    }
  }

  /** Takes the oldest value, waiting while the queue is empty. Rejects with EndOfStreamError once closed and drained. */
  get(options?: WaitOptions): Promise<T> {
    checkWaitOptions(options, 'DualQueue.get()');
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    let seq: number | undefined;
    try {
      if (this.#lock.tryLock()) {
        const taken = this.#getLocked('get', true);
        if (typeof taken !== 'number') return Promise.resolve(this.#decode(taken));
        seq = taken;
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#getWaiting(seq, options);
  }

  async #getWaiting(seq: number | undefined, options: WaitOptions | undefined): Promise<T> {
    for (let waitFor = seq; ; ) {
      if (waitFor !== undefined) await this.#waitAsync(PUT_SEQ, WAITING_GETTERS, waitFor, options);
      if (!this.#lock.tryLock()) await this.#lock.lockAsync();
      const taken = this.#getLocked('get', true);
      if (typeof taken !== 'number') return this.#decode(taken);
      waitFor = taken;
    }
  }

  /** `put`, blocking the thread (with an optional `timeout` in ms, then TimeoutError). */
  putSync(value: T, options?: { readonly timeout?: number | undefined }): void {
    const deadline = this.#deadline('putSync', options);
    const [tag, bytes] = this.#encode(value, 'putSync');
    for (;;) {
      this.#lock.lock();
      const seq = this.#putLocked(tag, bytes, 'putSync', true);
      if (seq === undefined) return;
      this.#waitSync(GET_SEQ, WAITING_PUTTERS, seq, deadline, 'putSync(): the queue stayed full');
    }
  }

  /** `get`, blocking the thread (with an optional `timeout` in ms, then TimeoutError). */
  getSync(options?: { readonly timeout?: number | undefined }): T {
    const deadline = this.#deadline('getSync', options);
    for (;;) {
      this.#lock.lock();
      const taken = this.#getLocked('getSync', true);
      if (typeof taken !== 'number') return this.#decode(taken);
      this.#waitSync(PUT_SEQ, WAITING_GETTERS, taken, deadline, 'getSync(): the queue stayed empty');
    }
  }

  /** Adds `value` if there is room now; false when full. Throws ClosedResourceError once closed. */
  tryPut(value: T): boolean {
    const [tag, bytes] = this.#encode(value, 'tryPut');
    this.#lockNow();
    return this.#putLocked(tag, bytes, 'tryPut', false) === undefined;
  }

  /** Takes the oldest value if there is one now. Throws EndOfStreamError once closed and drained. */
  tryGet(): TryReceiveResult<T> {
    this.#lockNow();
    const taken = this.#getLocked('tryGet', false);
    return typeof taken === 'number' ? { ok: false } : { ok: true, value: this.#decode(taken) };
  }

  /** Closes the queue for every thread: puts fail at once, gets drain what is left and then end. */
  close(): void {
    this.#lockNow();
    Atomics.store(this.#control, CLOSED, 1);
    Atomics.add(this.#control, PUT_SEQ, 1);
    Atomics.add(this.#control, GET_SEQ, 1);
    this.#lock.unlock();
    Atomics.notify(this.#control, PUT_SEQ);
    Atomics.notify(this.#control, GET_SEQ);
  }

  /** Iterates with `get()` until the queue is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for (;;) {
      let value: T;
      try {
        value = await this.get();
      } catch (error) {
        if (error instanceof EndOfStreamError) return;
        throw error;
      }
      yield value;
    }
  }

  stats(): DualQueueStats {
    const control = this.#control;
    return {
      size: Atomics.load(control, COUNT),
      usedBytes: Atomics.load(control, USED),
      capacity: this.#ring.capacity,
      maxItems: Atomics.load(control, MAX_ITEMS),
      waitingGetters: Atomics.load(control, WAITING_GETTERS),
      waitingPutters: Atomics.load(control, WAITING_PUTTERS),
      closed: this.closed,
    };
  }

  #encode(value: T, method: string): [number, Uint8Array | string] {
    const encoded = encodeValue(value, this.#codec);
    const payload = encoded[1];
    // A string takes at most 3 bytes per UTF-16 unit; only one that might not fit is measured exactly.
    if (typeof payload === 'string' && payload.length * 3 + HEADER_BYTES <= this.#ring.capacity)
      return encoded;
    const bytes = typeof payload === 'string' ? utf8.encode(payload) : payload;
    const needed = bytes.length + HEADER_BYTES;
    if (needed > this.#ring.capacity) {
      throw new RangeError(
        `DualQueue.${method}(): the value takes ${needed} bytes encoded, more than the queue's ${this.#ring.capacity}; create it with a larger { bytes }`,
      );
    }
    return [encoded[0], bytes];
  }

  /** Decodes what `#getLocked` just took (before anything else reads the ring on this thread). */
  #decode(record: Record): T {
    return decodeValue(this.#ring.tag, record, this.#codec) as T;
  }

  /**
   * With the lock held: stores the record and unlocks (undefined), or unlocks and returns the seq to wait
   * on, counting the caller as a waiting putter if it will wait (`register`).
   */
  #putLocked(
    tag: number,
    payload: Uint8Array | string,
    method: string,
    register: boolean,
  ): number | undefined {
    const control = this.#control;
    if (Atomics.load(control, CLOSED) === 1) {
      this.#lock.unlock();
      throw new ClosedResourceError(`DualQueue.${method}(): the queue is closed`);
    }
    // A string is written as is when its longest UTF-8 form fits; near a full ring, it is measured first.
    const bytes =
      typeof payload === 'string' && !this.#ring.fits(payload.length * 3) ? utf8.encode(payload) : payload;
    const full =
      Atomics.load(control, COUNT) >= Atomics.load(control, MAX_ITEMS) ||
      (typeof bytes !== 'string' && !this.#ring.fits(bytes.length));
    if (full) {
      const seq = Atomics.load(control, GET_SEQ);
      if (register) {
        Atomics.add(control, WAITING_PUTTERS, 1);
        Atomics.store(control, PUTTERS_ASLEEP, 1);
      }
      this.#lock.unlock();
      return seq;
    }
    this.#ring.write(tag, bytes);
    Atomics.add(control, PUT_SEQ, 1);
    const wake = Atomics.load(control, GETTERS_ASLEEP) === 1;
    if (wake) Atomics.store(control, GETTERS_ASLEEP, 0);
    this.#lock.unlock();
    if (wake) Atomics.notify(control, PUT_SEQ);
    return undefined;
  }

  /** With the lock held: takes a record and unlocks, or unlocks and returns the seq to wait on (as `#putLocked`). */
  #getLocked(method: string, register: boolean): Record | number {
    const control = this.#control;
    if (Atomics.load(control, COUNT) === 0) {
      if (Atomics.load(control, CLOSED) === 1) {
        this.#lock.unlock();
        throw new EndOfStreamError(`DualQueue.${method}(): the queue is closed and drained`);
      }
      const seq = Atomics.load(control, PUT_SEQ);
      if (register) {
        Atomics.add(control, WAITING_GETTERS, 1);
        Atomics.store(control, GETTERS_ASLEEP, 1);
      }
      this.#lock.unlock();
      return seq;
    }
    const record = this.#ring.read();
    Atomics.add(control, GET_SEQ, 1);
    // Waiting putters are woken once the queue is down to three quarters (or empty), not at every free
    // slot: a full queue would otherwise ping-pong one wake-up per item between the threads. Not later
    // either: a putter takes a while to wake (an async one, a turn of its event loop), and a fast getter
    // would otherwise empty the queue, and sleep, before the putter runs again.
    const wake =
      Atomics.load(control, PUTTERS_ASLEEP) === 1 &&
      (Atomics.load(control, COUNT) === 0 ||
        (Atomics.load(control, COUNT) * 4 <= Atomics.load(control, MAX_ITEMS) * 3 &&
          Atomics.load(control, USED) * 4 <= this.#ring.capacity * 3));
    if (wake) Atomics.store(control, PUTTERS_ASLEEP, 0);
    this.#lock.unlock();
    if (wake) Atomics.notify(control, GET_SEQ);
    return record;
  }

  /** Waits for `word` to move past `seq` without blocking; the caller was counted in `counter`. */
  async #waitAsync(
    word: number,
    counter: number,
    seq: number,
    options: WaitOptions | undefined,
  ): Promise<void> {
    const wait = waitAsync(this.#control, word, seq);
    if (!wait.async) {
      Atomics.sub(this.#control, counter, 1);
      return;
    }
    holdOpen();
    try {
      await abortable(wait.value, options);
    } finally {
      release();
      Atomics.sub(this.#control, counter, 1);
    }
  }

  #waitSync(word: number, counter: number, seq: number, deadline: number, what: string): void {
    try {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new TimeoutError(`DualQueue.${what} until the timeout`);
      Atomics.wait(this.#control, word, seq, remaining === Number.POSITIVE_INFINITY ? undefined : remaining);
    } finally {
      Atomics.sub(this.#control, counter, 1);
    }
  }

  #deadline(method: string, options: { readonly timeout?: number | undefined } | undefined): number {
    checkCallOptions(options, `DualQueue.${method}()`);
    const timeout = options?.timeout;
    if (timeout !== undefined) checkMilliseconds(timeout, `DualQueue.${method}(): timeout`, true);
    if (!canBlock()) {
      throw new Error(
        `DualQueue.${method}(): this thread may not block (a browser's main thread); use await queue.${method.replace('Sync', '')}()`,
      );
    }
    if (timeout === undefined) return Number.POSITIVE_INFINITY;
    return performance.now() + timeout;
  }

  /** Takes the lock for a short non-waiting operation, on any thread. */
  #lockNow(): void {
    if (this.#lock.tryLock()) return;
    if (canBlock()) this.#lock.lock();
    else while (!this.#lock.tryLock()); // held only to copy one record: a brief spin
  }
}
