import {
  Control,
  type HandleMarker,
  Op,
  type OpCode,
  type ReplyMessage,
  type ShapeRecord,
  Status,
} from '../protocol.js';
import type { CallOptions } from '../types.js';
import { type ErrorClass, fromErrorRecord } from '../wire/error-record.js';
import { AsyncChannel } from './async-channel.js';
import { callSite, isOwnFrame } from './call-site.js';
import { createFuture, type Future, futureCallId } from './future.js';
import { HandleTable } from './handle-table.js';
import { materialize } from './materialize.js';
import { prepareArgs } from './prepare-args.js';
import { collectMarkers, reviveValues } from './revive.js';
import { type RawOutcome, SyncChannel } from './sync-channel.js';
import { type LinkOptions, WorkerLink } from './worker-link.js';

export interface ConnectionOptions extends Omit<LinkOptions, 'onReply' | 'onFailure' | 'onUnsent'> {
  timeout: number;
  maxBatch: number;
  errors: Map<string, ErrorClass>;
  /** Microseconds each side of a blocking call polls shared memory before parking (default 0). */
  poll?: number;
}

/** Which lane a value arrived by: iterators become sync or async iterators accordingly. */
export type Lane = 'sync' | 'async';

/**
 * Everything proxies need to talk to one worker: both channels, the handle table, the error classes to
 * rebuild, and the default options. A synchronizer owns one; a pool owns one per worker.
 */
export class Connection {
  readonly link: WorkerLink;
  readonly handles: HandleTable;
  readonly timeout: number;
  readonly maxBatch: number;
  readonly errors: Map<string, ErrorClass>;
  /** Prototypes of instance handles by shape key, so every instance of a class shares one. */
  readonly prototypes = new Map<number, object>();
  /** Descriptors of instance handles' own properties, by class and layout (see `remoteInstance`). */
  readonly layouts = new Map<string, PropertyDescriptorMap>();
  /** Shapes received so far; the worker sends each class's shape once on the blocking lane. */
  readonly #shapes = new Map<number, ShapeRecord>();
  readonly #sync: SyncChannel;
  readonly #async: AsyncChannel;

  constructor(options: ConnectionOptions) {
    this.timeout = options.timeout;
    this.maxBatch = options.maxBatch;
    this.errors = options.errors;
    this.link = new WorkerLink({
      ...options,
      onReply: (message) =>
        message.seq === undefined ? this.#async.accept(message) : this.#sync.accept(message),
      onFailure: (error) => {
        this.#async.failAll(error);
        this.handles.clear();
      },
      onUnsent: (message, error) => this.#async.unsent(message, error),
    });
    this.handles = new HandleTable((refs, now) => this.#send({ kind: 'release', refs }, now));
    this.#sync = new SyncChannel(this.link, options.poll, () => this.handles.takeReleases());
    this.#async = new AsyncChannel(this.link, (message) => this.#discard(message));
  }

  /** A blocking call: the value, or the worker's error rethrown with the caller's frames appended. */
  call(
    op: OpCode,
    target: number,
    name: number,
    args: unknown[],
    options: CallOptions | undefined,
    label: string,
  ) {
    return this.outcome(op, target, name, args, options, label).values[0];
  }

  /** A blocking call that keeps the whole outcome (iterator batches). */
  outcome(
    op: OpCode,
    target: number,
    name: number,
    args: unknown[],
    options: CallOptions | undefined,
    label: string,
  ) {
    // Calls with transfers go by message, where JSON text would only be extra work.
    const prepared = prepareArgs(args, this.handles, options?.transfer, !options?.transfer);
    // A blocking call cannot see a signal abort while it waits; it can refuse to start on an aborted one.
    if (options?.signal?.aborted) throw options.signal.reason;
    for (const signal of prepared.signals) if (signal.aborted) throw signal.reason;
    const timeout = options?.timeout ?? this.timeout;
    const outcome = this.#sync.request(op, target, name, prepared, timeout, label);
    return this.#finish(outcome, 'sync');
  }

  /** A promise-returning call; `pin` stays referenced until it settles. */
  callAsync<T>(call: AsyncCall, options: CallOptions | undefined, pin?: unknown): Future<T> {
    return this.outcomeAsync(call, options, pin, (outcome) => outcome.values[0] as T);
  }

  outcomeAsync<T = RawOutcome>(
    call: AsyncCall,
    options: CallOptions | undefined,
    pin?: unknown,
    pick: (outcome: RawOutcome) => T = (outcome) => outcome as T,
    lane: Lane | 'raw' = 'async',
  ): Future<T> {
    let prepared: ReturnType<typeof prepareArgs>;
    try {
      prepared = prepareArgs(call.args, this.handles, options?.transfer, !options?.transfer);
    } catch (error) {
      return rejected<T>(error);
    }
    const timeout = options?.timeout ?? this.timeout;
    return this.#async.request(
      { ...call, args: prepared },
      { timeout, signal: options?.signal },
      (outcome) => pick(this.#finish(outcome, lane)),
      pin,
    );
  }

  /** The marker's shape: sent along, known from before, or (if the reply carrying it was lost) asked for. */
  shapeOf(marker: HandleMarker): ShapeRecord {
    if (marker.shape) {
      this.#shapes.set(marker.shape.key, marker.shape);
      if (marker.shape.instance) this.#shapes.set(marker.shape.instance.key, marker.shape.instance);
      return marker.shape;
    }
    return this.#knownShape(marker.shapeKey ?? -1);
  }

  /** The marker's own-property layout, if it has one; found as `shapeOf` finds shapes. */
  layoutOf(marker: HandleMarker): ShapeRecord | undefined {
    if (marker.layout) {
      this.#shapes.set(marker.layout.key, marker.layout);
      return marker.layout;
    }
    return marker.layoutKey === undefined ? undefined : this.#knownShape(marker.layoutKey);
  }

  #knownShape(key: number): ShapeRecord {
    let shape = this.#shapes.get(key);
    if (!shape) {
      shape = this.call(Op.describe, 0, -1, [key], undefined, 'describe') as ShapeRecord;
      this.#shapes.set(key, shape);
    }
    return shape;
  }

  /** Whether the worker had started the call behind `future` (false: it was still queued there). */
  started(future: Future<unknown>): boolean {
    const id = futureCallId(future);
    return id !== undefined && id <= Atomics.load(this.link.control, Control.started);
  }

  /** Rebuilds a thrown value from its record, appending `boundary` (the caller's frames) to its stack. */
  error(record: unknown, boundary?: string): unknown {
    return fromErrorRecord(record as never, this.errors, boundary, isOwnFrame);
  }

  /** Revives markers (unless the caller wants them `raw`) and throws the worker's error. */
  #finish(outcome: RawOutcome, lane: Lane | 'raw'): RawOutcome {
    if (outcome.marked && lane !== 'raw')
      reviveValues(outcome.values, (marker) => materialize(this, marker, lane));
    if (outcome.status === Status.error)
      throw this.error(outcome.values[0], lane === 'sync' ? callSite() : undefined);
    return outcome;
  }

  /** A reply nobody waits for any more: release the handles it carried. */
  #discard(message: ReplyMessage): void {
    if (!message.marked) return;
    const refs = collectMarkers(message.values).flatMap((marker) => (marker.pinned ? [] : [marker.id, 1]));
    if (refs.length > 0) this.#send({ kind: 'release', refs });
  }

  /** Sends releases: gathered with this turn's other messages, or at once (`now`) for a long run of them. */
  #send(message: { kind: 'release'; refs: number[] }, now = false): void {
    try {
      this.link.post(message);
      if (now) this.link.flush();
    } catch {
      // The worker is gone, and its objects with it.
    }
  }
}

/** A promise-returning call's target. */
export interface AsyncCall {
  op: OpCode;
  target: number;
  name: number;
  args: unknown[];
  label: string;
}

function rejected<T>(error: unknown): Future<T> {
  const { future, reject } = createFuture<T>(() => {
    throw error;
  });
  reject(error);
  return future;
}
