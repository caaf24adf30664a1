import { CloneError, DeadlockError, TimeoutError } from '../errors.js';
import { Control, Lane, type OpCode, Presence, type ReplyMessage, type StatusCode } from '../protocol.js';
import { AreaReader, writeValues } from '../wire/area-codec.js';
import { AdaptiveWait, now, Stamp } from '../wire/adaptive-wait.js';
import { ringDoorbell } from '../wire/doorbell.js';
import { toErrorRecord } from '../wire/error-record.js';
import { locateUncloneable } from '../wire/locate.js';
import type { PreparedArgs } from './prepare-args.js';
import type { WorkerLink } from './worker-link.js';

/** A reply as read off the wire; `marked` values still hold markers to revive. */
export interface RawOutcome {
  status: StatusCode;
  values: unknown[];
  marked: boolean;
}

/** Upper bound of one park; the caller re-checks its deadline and the worker's health at least this often. */
const SLICE_MS = 500;
/** For a packed request: no value has JSON text, and none is to be tried. */
const NO_TEXTS: readonly (string | undefined)[] = [];

/**
 * Blocking calls. The request goes into the shared request area (or, with transfers or when too large,
 * into a message), the worker is woken, and the caller parks on `Control.signal` in slices until its reply
 * is written, the worker dies, or the call's deadline passes. On timeout the worker task is cancelled and
 * the call abandoned: its late reply carries an older sequence number and is ignored, so the next call is
 * not affected.
 */
export class SyncChannel {
  readonly #control: Int32Array;
  readonly #reader: AreaReader;
  readonly #poll: number;
  readonly #waits: AdaptiveWait;
  #seq = 0;
  /**
   * Whether the last request was answered. Until it is, the worker may still be reading it from the
   * request area (its caller timed out, or gave up on it with an error), so the next request goes by
   * message: the area is written only while the worker cannot be reading it, and needs no lock.
   */
  #answered = true;
  #messageReply: ReplyMessage | undefined;
  /** The blocking call this thread waits for, if any: code run from inside the wait cannot make another. */
  #waiting: string | undefined;

  /**
   * `poll`: microseconds both sides poll shared memory before parking (see `pollWhile`); `takeReleases`:
   * the handle releases waiting to reach the worker, carried in the next request.
   */
  constructor(
    private readonly link: WorkerLink,
    poll = 0,
    private readonly takeReleases: () => number[] | undefined = () => undefined,
  ) {
    this.#control = link.control;
    this.#reader = new AreaReader(link.replies);
    this.#waits = new AdaptiveWait(link.stamps, Stamp.toCaller);
    this.#poll = poll;
    Atomics.store(this.#control, Control.poll, poll);
  }

  /** Takes a reply that came by message; only the current call's is kept. */
  accept(message: ReplyMessage): void {
    if (message.seq === this.#seq) this.#messageReply = message;
  }

  request(
    op: OpCode,
    target: number,
    name: number,
    args: PreparedArgs,
    timeout: number,
    label: string,
  ): RawOutcome {
    if (this.#waiting) throw reentered(label, this.#waiting);
    this.link.startBlocking();
    this.link.flush();
    const seq = ++this.#seq;
    this.#messageReply = undefined;
    const cancellable = Number.isFinite(timeout);
    if (
      args.transfer.length > 0 ||
      args.byMessage ||
      !this.#answered ||
      !this.#write(seq, op, target, name, args, cancellable)
    ) {
      this.#send(seq, op, target, name, args, cancellable);
    } else if (Atomics.load(this.#control, Control.presence) !== Presence.away) {
      ringDoorbell(this.#control, this.link.stamps);
    } else {
      this.link.post(0);
    }
    this.#answered = false;
    this.#waiting = label;
    let outcome: RawOutcome;
    try {
      outcome = this.#await(seq, cancellable ? now() + timeout : Number.POSITIVE_INFINITY, timeout, label);
    } finally {
      this.#waiting = undefined;
    }
    // Output the worker printed during the call is written out before the call returns.
    if (this.link.pending) this.link.drain();
    return outcome;
  }

  #write(
    seq: number,
    op: OpCode,
    target: number,
    name: number,
    args: PreparedArgs,
    cancellable: boolean,
  ): boolean {
    const control = this.#control;
    const releases = this.takeReleases();
    const { packed } = args;
    let values = packed ? [args.values] : args.values;
    if (releases) values = [...values, ...releases];
    try {
      // Packed: no JSON text is tried, the list shares objects that separate texts would copy apart.
      const length = writeValues(this.link.requests, values, args.marked, packed ? NO_TEXTS : args.json);
      if (length < 0) {
        if (releases) this.link.post({ kind: 'release', refs: releases });
        return false;
      }
      control[Control.requestOp] = op;
      control[Control.requestTarget] = target;
      control[Control.requestName] = name;
      control[Control.requestCount] = values.length;
      control[Control.requestReleases] = releases ? releases.length : 0;
      control[Control.requestPacked] = packed ? 1 : 0;
      control[Control.requestLane] = Lane.shared;
      control[Control.requestCancellable] = cancellable ? 1 : 0;
      Atomics.store(control, Control.requestSeq, seq);
      return true;
    } catch (error) {
      if (releases) this.link.post({ kind: 'release', refs: releases });
      throw cloneFailure(error, args.values);
    }
  }

  #send(seq: number, op: OpCode, target: number, name: number, args: PreparedArgs, cancellable: boolean) {
    const control = this.#control;
    // The request area and its fields are left alone: the worker may still be reading an earlier request.
    control[Control.requestLane] = Lane.message;
    Atomics.store(control, Control.requestSeq, seq);
    // A lingering worker must stop waiting on shared memory and go read its messages.
    ringDoorbell(control, this.link.stamps);
    try {
      const { values, marked, transfer } = args;
      this.link.post({ kind: 'sync', seq, op, target, name, args: values, marked, cancellable }, transfer);
    } catch (error) {
      throw cloneFailure(error, args.values);
    }
  }

  /** Waits for the reply to `seq` until `deadline` (on `now()`'s clock). */
  #await(seq: number, deadline: number, timeout: number, label: string): RawOutcome {
    const control = this.#control;
    let polled = false;
    for (;;) {
      // `signal` first: a reply written after this look bumps it, so the park below cannot miss it.
      const signal = Atomics.load(control, Control.signal);
      if (Atomics.load(control, Control.replySeq) === seq) return this.#read();
      // Replies of a burst of small calls arrive within microseconds: poll for them before parking, as
      // long as a wake-up would cost (see `AdaptiveWait`), so a quiet machine pays none and a busy one no
      // polling.
      if (!polled) {
        polled = true;
        if (this.#waits.poll(control, Control.signal, signal, this.#poll)) continue;
      }
      this.link.check();
      if (this.link.pending) {
        this.link.drain();
        continue;
      }
      let slice = SLICE_MS;
      if (deadline !== Number.POSITIVE_INFINITY) {
        const remaining = deadline - now();
        if (remaining <= 0) throw this.#timedOut(seq, timeout, label);
        slice = Math.min(remaining, SLICE_MS);
      }
      // Woken early, the caller polls for the reply; it cannot without a poll budget.
      const early = this.#poll > 0 && !this.#waits.wakesQuickly;
      if (early) Atomics.store(control, Control.wakeEarly, 1);
      const woken = this.#waits.park(control, Control.signal, signal, slice) === 'ok';
      if (early) Atomics.store(control, Control.wakeEarly, 0);
      // Most parks end with the reply.
      if (Atomics.load(control, Control.replySeq) === seq) return this.#read();
      // Woken as the call settled, while the worker writes the reply: it comes within microseconds.
      if (woken) polled = false;
    }
  }

  #read(): RawOutcome {
    const control = this.#control;
    this.#answered = true;
    let outcome: RawOutcome;
    if (control[Control.replyLane] === Lane.message) {
      while (!this.#messageReply) {
        this.link.check();
        this.link.drain();
      }
      const { status, values, marked } = this.#messageReply;
      outcome = { status, values, marked };
      this.#messageReply = undefined;
    } else {
      const values = this.#reader.readAll(control[Control.replyCount] ?? 0);
      outcome = {
        status: (control[Control.replyStatus] ?? 0) as StatusCode,
        values,
        marked: this.#reader.marked,
      };
    }
    return outcome;
  }

  #timedOut(seq: number, timeout: number, label: string): Error {
    const message = `${label} timed out after ${timeout} ms`;
    const reason = toErrorRecord(new DOMException(message, 'TimeoutError'));
    this.link.post({ kind: 'cancel', seq, reason });
    // The caller may run on for long without a microtask; the cancel must not wait for one.
    this.link.flush();
    return new TimeoutError(message);
  }
}

/**
 * A blocking call made from code that runs while this thread waits for another call on the same
 * synchronizer (a `process.stdout.write` that replays worker output and calls back into the worker): the
 * inner call would need the outer one's wait to end first.
 */
function reentered(label: string, waiting: string): DeadlockError {
  return new DeadlockError(
    `${label} was called while this thread is blocked in ${waiting} on the same synchronizer (from code ` +
      'run inside that wait, such as an output hook): it would wait for a call that cannot end before it. ' +
      'Use the .async twin there, or make the call after the blocking one returns.',
  );
}

/** A value the structured clone rejected, reported with its path instead of a bare `DataCloneError`. */
export function cloneFailure(error: unknown, values: unknown[]): unknown {
  if (!(error instanceof Error) || error.name !== 'DataCloneError') return error;
  const path = locateUncloneable(values, 'arguments');
  return new CloneError(`${path} cannot be cloned to the worker: ${error.message}`, path, { cause: error });
}
