/**
 * The wire between a caller thread and a synchronizer (or pool) worker: shared-memory layout and message
 * shapes. No logic lives here, so both sides can be read against one definition.
 *
 * Blocking calls ("sync lane") travel through shared memory: the caller writes the request into the request
 * area and describes it in the control block, wakes the worker (by ringing `Control.doorbell` when the
 * worker lingers on it, a message otherwise), polls `Control.signal` for a few microseconds and then parks
 * on it. When the call settles, the worker first wakes a parked caller unless its wake-ups are quick
 * (`Control.wakeEarly`), then writes the reply into the reply area, bumps `Control.replySeq` and
 * `Control.signal`, and notifies; an early-woken caller polls for the reply. Replies that carry transfers or
 * do not fit the shared area go out as a `ReplyMessage` on the reply port instead; the control block then
 * says so and the caller drains the port with `receiveMessageOnPort`.
 *
 * Promise-returning calls ("async lane") are plain messages both ways.
 *
 * @module
 */
import type { MessagePort } from 'node:worker_threads';

/** Indices of the `Int32Array` control block shared by the caller and the worker. */
export const Control = {
  /** Bumped by the worker after anything the blocked caller may want to see; the caller parks on it. */
  signal: 0,
  /** Sequence number of the newest blocking request the caller has issued. */
  requestSeq: 1,
  /** Sequence number of the newest blocking reply the worker has written. */
  replySeq: 2,
  /**
   * `Presence.lingering` while the worker polls or parks on `doorbell` and can be woken through it;
   * `Presence.pulling` while it pulls an iterator's next batch ahead, or takes one turn of its event loop
   * between calls, and will look at `requestSeq` when done. Either way a new request needs no wake-up
   * message.
   */
  presence: 3,
  /**
   * 1 when the request's arguments were written as one value, the argument list itself, because they may
   * share objects across them (see `PreparedArgs.packed`); the worker spreads it.
   */
  requestPacked: 4,
  // The request area and the request words need no lock: the caller writes them only once its previous
  // request was answered (so the worker is done reading), and sends the request by message otherwise.
  requestOp: 5,
  requestTarget: 6,
  requestName: 7,
  requestCount: 8,
  /** `Lane.shared` when the request sits in the request area, `Lane.message` when it comes by message. */
  requestLane: 9,
  replyStatus: 10,
  replyCount: 11,
  replyLane: 12,
  /** Number of messages the worker has posted on the reply port, so a blocked caller knows to drain it. */
  posted: 13,
  /** `Fatal.*`: set (once) by the worker's guard when it crashes or exits. */
  fatal: 14,
  exitCode: 15,
  /** Non-zero when the blocking request can be cancelled (it has a deadline). */
  requestCancellable: 16,
  /**
   * Id of the newest promise-returning call the worker has started. Calls start in the order they were
   * sent, so every higher id is still queued on the worker: a pool can hand those to another worker.
   */
  started: 17,
  /**
   * Bumped by the caller after each blocking request and, while the worker lingers, after each message, so
   * a lingering worker (polling or parked on this word) notices either at once.
   */
  doorbell: 18,
  /** Microseconds either side polls shared memory before parking on it (set by the caller, read by both). */
  poll: 19,
  /**
   * How many of the request's values, at its end, are handle releases (`[id, receivedCount]` pairs): the
   * caller's disposals travel with its next blocking call, without a message or a turn of its event loop.
   */
  requestReleases: 20,
  /**
   * 1 while the caller is parked on `signal` waiting for a blocking reply, unless its wake-ups are known to
   * be quick (see `AdaptiveWait.wakesQuickly`) or it does not poll. The worker then wakes it as soon as the
   * call settles, before it writes the reply, so the caller's wake-up overlaps the writing.
   */
  wakeEarly: 21,
} as const;

/**
 * Size of the control block in bytes. Its last 16 bytes are two Float64 stamps (`Stamp` in
 * `wire/adaptive-wait.ts`): when each side last woke the other, for measuring wake-up latency.
 */
export const CONTROL_BYTES = 128;

/** Where a request or reply travels. */
export const Lane = { shared: 0, message: 1 } as const;

/** Values of `Control.presence`. */
export const Presence = { away: 0, lingering: 1, pulling: 2 } as const;

/** Values of `Control.fatal`. */
export const Fatal = { none: 0, crashed: 1, exited: 2 } as const;

/** Operations a request can ask the worker to perform on a target object. */
export const Op = {
  call: 1,
  construct: 2,
  get: 3,
  set: 4,
  pull: 5,
  return: 6,
  throw: 7,
  dispose: 8,
  load: 9,
  iterate: 10,
  describe: 11,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

/** How a reply ended. For batches the last value is the return value (`done`) or the error (`failed`). */
export const Status = { ok: 0, error: 1, batch: 2, done: 3, failed: 4 } as const;
export type StatusCode = (typeof Status)[keyof typeof Status];

/**
 * Tags of values written into a shared area. Each value starts 8-byte aligned with two 32-bit words,
 * `[tag, byteLength]`, followed by its payload padded to 8 bytes.
 */
export const Tag = {
  undefined: 0,
  null: 1,
  false: 2,
  true: 3,
  number: 4,
  /** A string of Latin-1 characters, one byte each (copied both ways without UTF-8 coding). */
  latin1: 5,
  utf8: 6,
  /** `v8.serialize` output. */
  serialized: 7,
  /** `v8.serialize` output containing markers (`MARK`) that the reader must revive. */
  serializedMarked: 8,
  /** A run of consecutive numbers (iterator batches): `byteLength / 8` doubles, read as that many values. */
  numbers: 9,
  /** A handle marker without shape or fields: four int32 words, id, kind, shape key and flags. */
  handle: 10,
  /** A structured value as JSON text (`plainJson`), in Latin-1 or UTF-8 like a string, read with `JSON.parse`. */
  jsonLatin1: 11,
  jsonUtf8: 12,
} as const;

/** Handle kinds by number, for markers written as `Tag.handle`. */
export const HANDLE_KINDS: readonly HandleKind[] = ['object', 'function', 'iterator', 'class'];

/** Key of the marker objects that stand for worker objects, handles passed back and abort signals. */
export const MARK = '\u0000anysync';

/** Kinds of worker objects a caller can hold a handle to. */
export type HandleKind = 'object' | 'function' | 'iterator' | 'class';

/** Kinds of callable members, as told by the function's own kind. */
export type CallableKind = 'function' | 'asyncGenerator' | 'generator';

/** One member of a described object (module namespace, class statics, instance prototype). */
export type MemberRecord =
  | { name: string; nameId: number; kind: CallableKind; length: number }
  | { name: string; nameId: number; kind: 'accessor'; get: boolean; set: boolean }
  | { name: string; nameId: number; kind: 'field' }
  | { name: string; nameId: number; kind: 'value'; value: unknown }
  | { name: string; nameId: number; kind: 'class' | 'object'; handle: HandleMarker };

/** The shape of a kind of worker object; `key` identifies it so the caller builds each shape once. */
export interface ShapeRecord {
  key: number;
  name: string;
  members: MemberRecord[];
  dispose: 'async' | 'sync' | null;
  iterate: 'async' | 'sync' | null;
  /** For classes: the shape of their instances. */
  instance?: ShapeRecord;
}

/**
 * Stands for a worker object inside a reply. `fields` are the instance's own data fields, `[name, nameId]`;
 * `methods` the functions its own properties hold (class fields set to arrow functions, methods bound in
 * the constructor), which its class's shape cannot tell.
 */
export interface HandleMarker {
  [MARK]: 'handle';
  id: number;
  kind: HandleKind;
  /** The shape, left out when the caller was already sent it (`shapeKey` names it then). */
  shape?: ShapeRecord;
  shapeKey?: number;
  fields?: [string, number][];
  methods?: OwnMethod[];
  /**
   * The instance's own fields and methods as a shape of their own, shared by the instances of a class
   * that have the same own properties (in place of `fields` and `methods`); left out, like `shape`, when
   * the caller was already sent it (`layoutKey` names it then).
   */
  layout?: ShapeRecord;
  layoutKey?: number;
  /** Described by its own properties (a module namespace or plain object), not by a class. */
  namespace?: boolean;
  /** Never released: module namespaces and the classes and objects they export. */
  pinned?: boolean;
  /** For a function: its `name` and `length`, which the caller's function takes on. */
  signature?: Signature;
}

/** A function held in an instance's own property: `[name, nameId, kind, length]`. */
export type OwnMethod = [string, number, CallableKind, number];

/** A worker function's `name` and `length`. */
export interface Signature {
  name: string;
  length: number;
}

/** Stands for a handle the caller passes back as an argument. */
export interface RefMarker {
  [MARK]: 'ref';
  id: number;
}

/** Stands for an `AbortSignal` argument: the worker substitutes the call's own signal. */
export interface SignalMarker {
  [MARK]: 'signal';
}

/**
 * Stands for a `URL`, either way: structured clone refuses one, and a handle would make every read of
 * `href` a blocking call, while its value is all there is to it. The other side makes a `new URL(href)`.
 */
export interface UrlMarker {
  [MARK]: 'url';
  href: string;
}

/** A thrown value, in a form that survives structured clone with class, stack, cause and fields. */
export type ErrorRecord =
  | {
      kind: 'error';
      /** Constructor names from the error's class up its prototype chain. */
      classes: string[];
      name: string;
      message: string;
      stack: string | undefined;
      cause?: ErrorRecord;
      hasCause: boolean;
      errors?: ErrorRecord[];
      props: Record<string, unknown>;
    }
  | { kind: 'value'; value: unknown };

/** Caller → worker: a promise-returning call. */
export interface CallMessage {
  kind: 'call';
  id: number;
  op: OpCode;
  target: number;
  name: number;
  args: unknown[];
  /** Whether `args` hold markers (handles, signals) to revive. */
  marked: boolean;
  /** Whether the call may be cancelled (it has a timeout or a signal), so the worker tracks its signal. */
  cancellable: boolean;
  /** A bit for each of the first 31 `args` sent as JSON text (see `plainJson`), for the worker to parse. */
  json: number;
}

/** Caller → worker: a blocking call that could not use the shared area (transfers, oversized). */
export interface SyncCallMessage {
  kind: 'sync';
  seq: number;
  op: OpCode;
  target: number;
  name: number;
  args: unknown[];
  marked: boolean;
  cancellable: boolean;
}

/** Caller → worker: abort a call (`id`) or a blocking call (`seq`). */
export interface CancelMessage {
  kind: 'cancel';
  id?: number;
  seq?: number;
  reason: ErrorRecord;
}

/** Caller → worker: drop handles; `refs` holds `[id, receivedCount]` pairs flattened. */
export interface ReleaseMessage {
  kind: 'release';
  refs: number[];
}

/** Caller → worker: look at the shared request area. */
export type WakeMessage = 0;

/** Several caller messages sent in one go: calls issued in the same turn of the event loop travel together. */
export interface CallerBatch {
  kind: 'batch';
  messages: (CallMessage | CancelMessage | ReleaseMessage)[];
}

export type CallerMessage =
  | CallMessage
  | SyncCallMessage
  | CancelMessage
  | ReleaseMessage
  | WakeMessage
  | CallerBatch;

/** Worker → caller: the outcome of an async call (`id`) or of a blocking call sent by message (`seq`). */
export interface ReplyMessage {
  kind: 'reply';
  id?: number;
  seq?: number;
  status: StatusCode;
  values: unknown[];
  marked: boolean;
}

/** Worker → caller: captured console output, in order, `[fd, text]` pairs. */
export interface OutputMessage {
  kind: 'output';
  chunks: [1 | 2, string][];
}

/** Worker → caller: the worker is going down. */
export interface FatalMessage {
  kind: 'fatal';
  error: ErrorRecord;
  exitCode: number | undefined;
}

/** Replies to promise-returning calls settled in the same turn of the worker's event loop, in one message. */
export interface ReplyBatch {
  kind: 'replies';
  replies: ReplyMessage[];
}

export type WorkerMessage = ReplyMessage | ReplyBatch | OutputMessage | FatalMessage;

/**
 * A module hook the caller registered at run time, to register again on the worker: `register` repeats a
 * `module.register()` call, `import` imports the module that called `module.registerHooks()`.
 */
export type HookRecord =
  | { kind: 'register'; specifier: string; parentURL: string | undefined; data: unknown }
  | { kind: 'import'; url: string };

/** What the caller hands the worker at start (`workerData`). */
export interface WorkerBoot {
  /** Module hooks to register before anything is loaded. */
  hooks?: readonly HookRecord[];
  control: SharedArrayBuffer;
  requestArea: SharedArrayBuffer;
  replyArea: SharedArrayBuffer;
  replyPort: MessagePort;
  /** Milliseconds the worker parks on the request word after a blocking reply, waiting for the next one. */
  linger: number;
  captureOutput: boolean;
}
