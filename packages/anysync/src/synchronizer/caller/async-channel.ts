import { TimeoutError } from '../errors.js';
import { type CallMessage, Control, type OpCode, type ReplyMessage } from '../protocol.js';
import { toErrorRecord } from '../wire/error-record.js';
import { createFuture, type Future } from './future.js';
import type { PreparedArgs } from './prepare-args.js';
import { cloneFailure, type RawOutcome } from './sync-channel.js';
import type { WorkerLink } from './worker-link.js';

interface Pending {
  readonly id: number;
  readonly deadline: number;
  readonly label: string;
  readonly timeout: number;
  readonly finish: (outcome: RawOutcome) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  /** Keeps the handles a call uses alive until it settles, so no release can overtake it. */
  pin: unknown;
  settled: boolean;
  ok: boolean;
  result: unknown;
  cleanup: (() => void) | undefined;
}

const SLICE_MS = 500;

/**
 * The arguments as they leave: JSON text in place of each argument that has one (a bit set for each in
 * `json`, so a message carries one number, not an array), and whether any other object remains, which
 * only a clone made now would capture as it is.
 */
function outgoing(args: PreparedArgs): { values: unknown[]; json: number; live: boolean } {
  const texts = args.json;
  let values = args.values;
  let json = 0;
  let live = false;
  for (let i = 0; i < values.length; i++) {
    const text = texts?.[i];
    if (text !== undefined && i < 31) {
      if (json === 0) values = values.slice();
      json |= 1 << i;
      values[i] = text;
    } else {
      const value = values[i];
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) live = true;
    }
  }
  return { values, json, live };
}

/**
 * Promise-returning calls: messages both ways, any number in flight. Each call can time out or be aborted
 * by a signal, which cancels the worker task; a reply that arrives after that is discarded (releasing any
 * handles it carried). `Future.result()` waits for one call while blocked, draining the reply port itself.
 */
export class AsyncChannel {
  readonly #pending = new Map<number, Pending>();
  #next = 1;

  constructor(
    private readonly link: WorkerLink,
    private readonly discard: (message: ReplyMessage) => void,
  ) {}

  request<T>(
    call: { op: OpCode; target: number; name: number; args: PreparedArgs; label: string },
    options: { timeout: number; signal: AbortSignal | undefined },
    finish: (outcome: RawOutcome) => T,
    pin?: unknown,
  ): Future<T> {
    const id = this.#next++;
    const { timeout } = options;
    const deadline = Number.isFinite(timeout) ? performance.now() + timeout : Number.POSITIVE_INFINITY;
    const { future, resolve, reject } = createFuture<T>(() => this.#wait(record) as T, id);
    const record: Pending = {
      id,
      deadline,
      label: call.label,
      timeout,
      finish,
      pin,
      cleanup: undefined,
      resolve: resolve as (value: unknown) => void,
      reject,
      settled: false,
      ok: false,
      result: undefined,
    };
    const signals = options.signal ? [options.signal, ...call.args.signals] : call.args.signals;
    for (const signal of signals) if (signal.aborted) return this.#refuse(record, future, signal.reason);
    try {
      this.link.start();
      const { op, target, name, args } = call;
      const cancellable = deadline !== Number.POSITIVE_INFINITY || signals.length > 0;
      const { marked, transfer } = args;
      const { values, json, live } = outgoing(args);
      const message: CallMessage = {
        kind: 'call',
        id,
        op,
        target,
        name,
        args: values,
        marked,
        cancellable,
        json,
      };
      // Arguments are the caller's at the time of the call: objects still live must be cloned now.
      this.link.post(message, transfer, live);
    } catch (error) {
      return this.#refuse(record, future, cloneFailure(error, call.args.values));
    }
    this.#pending.set(id, record);
    this.link.hold();
    if (deadline !== Number.POSITIVE_INFINITY || signals.length > 0) this.#watch(record, signals);
    return future;
  }

  /** Fails a call that never reached the worker. */
  #refuse<T>(record: Pending, future: Future<T>, error: unknown): Future<T> {
    record.settled = true;
    record.result = error;
    record.reject(error);
    return future;
  }

  #watch(record: Pending, signals: AbortSignal[]): void {
    const timer = Number.isFinite(record.timeout)
      ? setTimeout(() => this.#expire(record), record.timeout)
      : undefined;
    const onAbort = (event: Event) => this.#cancel(record, (event.target as AbortSignal).reason);
    for (const signal of signals) signal.addEventListener('abort', onAbort, { once: true });
    record.cleanup = () => {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
    };
  }

  accept(message: ReplyMessage): void {
    const record = message.id === undefined ? undefined : this.#pending.get(message.id);
    if (!record) {
      this.discard(message);
      return;
    }
    const { status, values, marked } = message;
    try {
      this.#settle(record, true, record.finish({ status, values, marked }));
    } catch (error) {
      this.#settle(record, false, error);
    }
  }

  /** Fails a call whose message could not be sent, naming the value that could not be cloned. */
  unsent(message: CallMessage, error: unknown): void {
    const record = this.#pending.get(message.id);
    if (record) this.#settle(record, false, cloneFailure(error, message.args));
  }

  /** Fails every pending call: the worker is gone. */
  failAll(error: Error): void {
    for (const record of [...this.#pending.values()]) this.#settle(record, false, error);
  }

  #expire(record: Pending): void {
    this.#cancel(record, new TimeoutError(`${record.label} timed out after ${record.timeout} ms`));
  }

  #cancel(record: Pending, reason: unknown): void {
    if (record.settled) return;
    this.#settle(record, false, reason);
    try {
      this.link.post({ kind: 'cancel', id: record.id, reason: toErrorRecord(reason) });
    } catch {
      // The worker is gone; there is nothing left to cancel.
    }
  }

  #settle(record: Pending, ok: boolean, result: unknown): void {
    if (record.settled) return;
    record.settled = true;
    record.ok = ok;
    record.result = result;
    // A settled future may be kept around; it must not keep the handles of its call alive.
    record.pin = undefined;
    this.#pending.delete(record.id);
    record.cleanup?.();
    this.link.letGo();
    if (ok) record.resolve(result);
    else record.reject(result);
  }

  /** Blocks until `record` settles: drains replies as they are signalled and enforces the deadline itself. */
  #wait(record: Pending): unknown {
    const control = this.link.control;
    this.link.flush();
    for (;;) {
      const signal = Atomics.load(control, Control.signal);
      if (record.settled) {
        if (record.ok) return record.result;
        throw record.result;
      }
      this.link.assertCanAwaitMessages();
      this.link.check();
      if (this.link.pending) {
        this.link.drain();
        continue;
      }
      const remaining = record.deadline - performance.now();
      if (remaining <= 0) this.#expire(record);
      else Atomics.wait(control, Control.signal, signal, Math.min(remaining, SLICE_MS));
    }
  }
}
