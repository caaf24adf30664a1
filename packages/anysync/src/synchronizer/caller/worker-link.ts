import type { TransferListItem } from 'node:worker_threads';
import { threadBackend } from '../backends/select-thread.js';
import type { ReplyEnd, Thread, ThreadBackend } from '../backends/thread-backend.js';
import { ClosedError, WorkerCrashError } from '../errors.js';
import {
  CONTROL_BYTES,
  Control,
  type CallerMessage,
  type CallMessage,
  type CancelMessage,
  Fatal,
  Presence,
  type FatalMessage,
  type OutputMessage,
  type ReleaseMessage,
  type ReplyMessage,
  type WorkerBoot,
  type WorkerMessage,
} from '../protocol.js';
import { wakeStamps } from '../wire/adaptive-wait.js';
import { ringDoorbell } from '../wire/doorbell.js';
import { fromErrorRecord } from '../wire/error-record.js';
import { SharedArea } from '../wire/shared-area.js';
import { recordedHooks, recordModuleHooks } from './module-hooks.js';
import { workerEntry } from './worker-entry.js';
import {
  CRASH_DETAILS_LATER,
  canBlockHere,
  NO_MESSAGES_WHILE_BLOCKED,
  NOT_STARTED,
  noBlocking,
  START_WAIT_MS,
  sharedBuffer,
} from './thread-limits.js';

/** How to start the worker. */
export interface LinkOptions {
  execArgv: string[] | undefined;
  env: Record<string, string | undefined> | undefined;
  linger: number;
  captureOutput: boolean;
  sharedMemoryLimit: number;
  name: string;
  /** Called with each reply that arrives, whichever way it was drained. */
  onReply: (message: ReplyMessage) => void;
  /** Called once when the worker is lost (crash, exit or close), to fail whatever is pending. */
  onFailure: (error: Error) => void;
  /** Called for a gathered call that could not be sent (a value the structured clone refused). */
  onUnsent: (message: CallMessage, error: unknown) => void;
}

// Hooks registered from now on are registered again on the workers this process starts.
recordModuleHooks();

/**
 * One worker thread and the memory and ports shared with it. It starts the worker on first use, counts the
 * messages it drains so a blocked caller can tell when the reply port has something for it, replays
 * captured console output, and turns every way the worker can die into one `WorkerCrashError`.
 *
 * The worker is `unref`'d: it keeps the process alive only while a promise-returning call is pending.
 *
 * The thread itself comes from the runtime's backend (`node:worker_threads` or a Web Worker). Where a
 * blocked caller cannot read messages (browsers), `pending` is always false and blocking calls are
 * answered through shared memory only; a reply that could only come by message is an error, not a hang.
 */
export class WorkerLink {
  readonly control = new Int32Array(sharedBuffer(CONTROL_BYTES));
  /** The control block's wake stamps (see `AdaptiveWait`). */
  readonly stamps = wakeStamps(this.control);
  readonly requests: SharedArea;
  readonly replies: SharedArea;
  readonly #backend: ThreadBackend = threadBackend();
  #worker: Thread | undefined;
  /** Known to be running (a Web Worker may not be yet, see `startBlocking`). */
  #running = false;
  #port: ReplyEnd | undefined;
  #drained = 0;
  #holds = 0;
  #failure: Error | undefined;
  /** The worker died while this thread could not read its report (browsers); the report follows. */
  #detailsLater = false;
  #outbox: (CallMessage | CancelMessage | ReleaseMessage)[] = [];
  #outboxTransfer: TransferListItem[] = [];

  constructor(private readonly options: LinkOptions) {
    this.requests = new SharedArea(SharedArea.allocate(options.sharedMemoryLimit));
    this.replies = new SharedArea(SharedArea.allocate(options.sharedMemoryLimit));
  }

  get started(): boolean {
    return this.#worker !== undefined;
  }

  get threadId(): number | undefined {
    return this.#worker?.threadId;
  }

  /** Starts the worker if it is not running yet; throws if it was lost. */
  start(): void {
    this.#check();
    if (this.#worker) return;
    const backend = this.#backend;
    const { local, remote } = backend.channel((message) => this.#dispatch(message as WorkerMessage));
    const boot: WorkerBoot = {
      control: this.control.buffer as SharedArrayBuffer,
      requestArea: this.requests.buffer,
      replyArea: this.replies.buffer,
      replyPort: remote as WorkerBoot['replyPort'],
      linger: this.options.linger,
      captureOutput: this.options.captureOutput && backend.capturesOutput,
      hooks: [...recordedHooks()],
    };
    const worker = backend.spawn(workerEntry().main, {
      name: this.options.name,
      boot,
      transfer: [remote],
      execArgv: this.options.execArgv,
      env: this.options.env,
      onExit: (code) => this.#fail(this.#lost(`exited with code ${code}`, code)),
      onError: (error) => this.#fail(this.#lost(`crashed: ${error.message}`, undefined, error)),
    });
    worker.unref();
    local.unref();
    this.#worker = worker;
    this.#port = local;
  }

  /**
   * Starts the worker for a blocking call, refusing first where this thread may not block: a browser's
   * main thread (the call would freeze the page, and `Atomics.wait` throws there).
   */
  startBlocking(): void {
    // Every blocking call passes here: once running, only a failure can stop it.
    if (this.#running && !this.#failure) return;
    if (!canBlockHere()) throw new Error(noBlocking());
    this.start();
    if (this.#running) return;
    this.#running = (this.#worker as Thread).waitUntilRunning(START_WAIT_MS);
    if (!this.#running) throw new Error(NOT_STARTED);
  }

  /**
   * Sends a message to the worker. Calls, cancels and releases are gathered until the end of the current
   * job and leave as one message (`flush`); wake-ups, blocking requests and messages sent `now` go at
   * once, after them. A message is cloned when it leaves, so one holding objects the sender could still
   * change must go `now`.
   */
  post(message: CallerMessage, transfer?: readonly TransferListItem[], now = false): void {
    this.#check();
    if (!now && message !== 0 && message.kind !== 'sync' && message.kind !== 'batch') {
      if (this.#outbox.length === 0) queueMicrotask(() => this.flush());
      this.#outbox.push(message);
      if (transfer) this.#outboxTransfer.push(...transfer);
      return;
    }
    this.flush();
    this.#send(message, transfer);
  }

  /** Sends the gathered messages now (a blocked caller must, before it waits). */
  flush(): void {
    const messages = this.#outbox;
    if (messages.length === 0 || this.#failure) return;
    const transfer = this.#outboxTransfer;
    this.#outbox = [];
    this.#outboxTransfer = [];
    try {
      this.#send(
        messages.length === 1 ? (messages[0] as CallerMessage) : { kind: 'batch', messages },
        transfer,
      );
    } catch (error) {
      if (messages.length === 1) this.#unsent(messages[0] as CallerMessage, error);
      // Nothing was sent: one by one, so only the message that cannot be cloned fails.
      else for (const single of messages) this.#sendAlone(single);
    }
  }

  #sendAlone(message: CallerMessage): void {
    try {
      this.#send(message, undefined);
    } catch (error) {
      this.#unsent(message, error);
    }
  }

  #unsent(message: CallerMessage, error: unknown): void {
    if (message !== 0 && message.kind === 'call') this.options.onUnsent(message, error);
  }

  #send(message: CallerMessage, transfer: readonly TransferListItem[] | undefined): void {
    this.#worker?.post(message, transfer);
    // A worker lingering for the next blocking call would see this message only when it stops lingering.
    if (message !== 0 && Atomics.load(this.control, Control.presence) !== Presence.away) {
      ringDoorbell(this.control, this.stamps);
    }
  }

  /**
   * True when the worker posted messages this side has not read yet and can read now. Never where a
   * blocked caller cannot read messages: they are dispatched by the event loop later.
   */
  get pending(): boolean {
    // A plain read: callers look right after an atomic read of `Control.signal` or `Control.replySeq`,
    // which the worker bumps after counting a post, and a post it has yet to count bumps `signal` later.
    return this.#backend.receivesWhileBlocked && this.control[Control.posted] !== this.#drained;
  }

  /**
   * Reads every message waiting on the reply port, without the event loop (the caller may be blocked).
   * Where that is impossible (browsers), a caller that needs a message to go on gets a clear error.
   */
  drain(): void {
    const port = this.#port;
    if (!port) return;
    if (!this.#backend.receivesWhileBlocked) throw new Error(NO_MESSAGES_WHILE_BLOCKED);
    for (let received = port.receive(); received; received = port.receive()) {
      this.#dispatch(received.message as WorkerMessage);
    }
  }

  /** Throws unless a blocked caller can wait here for a message-borne reply (`future.result()`). */
  assertCanAwaitMessages(): void {
    if (!canBlockHere()) throw new Error(noBlocking());
    if (!this.#backend.receivesWhileBlocked) throw new Error(NO_MESSAGES_WHILE_BLOCKED);
  }

  /** Throws the worker's failure, noticing a death reported through shared memory while blocked. */
  check(): void {
    // A plain read, as in `pending`: the worker's report of its death bumps `Control.signal` after it.
    if (!this.#failure && this.control[Control.fatal] !== Fatal.none) {
      // The report with its details is a message; where it cannot be read now, fail without them.
      if (this.#backend.receivesWhileBlocked) this.drain();
      else {
        this.#fail(this.#lost(CRASH_DETAILS_LATER));
        this.#detailsLater = true;
      }
    }
    this.#check();
  }

  #check(): void {
    if (this.#failure) throw this.#failure;
  }

  /** Keeps the process alive while promise-returning calls are pending. */
  hold(): void {
    if (this.#holds++ === 0) this.#port?.ref();
  }

  letGo(): void {
    if (--this.#holds === 0) this.#port?.unref();
  }

  /** Terminates the worker; pending and later calls fail with a `ClosedError`. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#fail(new ClosedError('the synchronizer was closed'));
    this.#port?.close();
    if (worker) await worker.terminate();
  }

  #dispatch(message: WorkerMessage): void {
    this.#drained++;
    if (message.kind === 'reply') this.options.onReply(message);
    else if (message.kind === 'replies') for (const reply of message.replies) this.options.onReply(reply);
    else if (message.kind === 'output') replay(message);
    else if (this.#detailsLater) this.#addDetails(this.#fatal(message));
    else this.#fail(this.#fatal(message));
  }

  /** The crash report that could not be read while blocked: its cause completes the error already thrown. */
  #addDetails(report: Error): void {
    this.#detailsLater = false;
    const failure = this.#failure as Error;
    Object.defineProperty(failure, 'cause', { value: report.cause, configurable: true, writable: true });
  }

  #fatal(message: FatalMessage): Error {
    if (message.exitCode !== undefined)
      return this.#lost(`exited with code ${message.exitCode}`, message.exitCode);
    const cause = fromErrorRecord(message.error, new Map());
    const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return this.#lost(`crashed with an uncaught ${text}`, undefined, cause);
  }

  #lost(what: string, exitCode?: number, cause?: unknown): Error {
    return new WorkerCrashError(`the ${this.options.name} worker ${what}`, { cause, exitCode });
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#worker?.unref();
    this.#port?.unref();
    this.options.onFailure(error);
  }
}

function replay(message: OutputMessage): void {
  for (const [fd, text] of message.chunks) (fd === 1 ? process.stdout : process.stderr).write(text);
}
