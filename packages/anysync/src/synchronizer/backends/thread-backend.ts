/** The caller's view of one worker thread, whichever runtime provides it. */
export interface Thread {
  /** Node's thread id; undefined for Web Workers, which have none. */
  readonly threadId: number | undefined;
  post(message: unknown, transfer?: readonly unknown[]): void;
  terminate(): Promise<void>;
  /** Whether the thread keeps the process alive (Node); no-ops where there is no such notion. */
  ref(): void;
  unref(): void;
  /**
   * Whether the worker is running, waiting up to `ms` for it. Node's workers start on their own; a
   * browser starts a Web Worker only after the creating thread returns to its event loop, so a caller that
   * has not done so since `spawn` gets false at once instead of waiting for what cannot happen.
   */
  waitUntilRunning(ms: number): boolean;
}

/** The caller's end of the channel the worker replies on. */
export interface ReplyEnd {
  /** Takes one waiting message without the event loop (a blocked caller), if the runtime can. */
  receive(): { message: unknown } | undefined;
  ref(): void;
  unref(): void;
  close(): void;
}

/** What `spawn` starts the worker with. */
export interface SpawnOptions {
  name: string;
  /** Handed to the worker's entry before any other message (`workerData`, or a first message). */
  boot: unknown;
  transfer: readonly unknown[];
  execArgv: string[] | undefined;
  env: Record<string, string | undefined> | undefined;
  /** The thread exited by itself (Node), with its exit code. */
  onExit(code: number): void;
  /** The thread failed to start or threw where the fatal guard could not catch it. */
  onError(error: Error): void;
}

/**
 * How the caller side starts and talks to a worker: Node's `worker_threads` (Node, Bun, Deno) or a module
 * Web Worker (browsers). One interface, one file per flavour, chosen once by `threadBackend()`.
 */
export interface ThreadBackend {
  readonly name: 'worker_threads' | 'web';
  /**
   * Whether a blocked caller can read messages (Node's `receiveMessageOnPort`). A browser thread cannot:
   * everything a blocking call needs must come through shared memory.
   */
  readonly receivesWhileBlocked: boolean;
  /** Whether the worker's `process.stdout`/`stderr` exist to be captured and replayed. */
  readonly capturesOutput: boolean;
  /** A message channel: the caller keeps `local`, `remote` is transferred to the worker. */
  channel(onMessage: (message: unknown) => void): { local: ReplyEnd; remote: unknown };
  spawn(entry: URL, options: SpawnOptions): Thread;
}

/** The worker's view of its own thread. */
export interface ThreadSide {
  /** The boot data when it is there at once (Node's `workerData`). */
  readonly boot: unknown;
  /** The boot data when it comes as the first message (Web Workers). */
  receiveBoot(): Promise<unknown>;
  /** Messages from the caller, in order, from the first one after the boot data. */
  onMessage(listener: (message: unknown) => void): void;
  /**
   * Reports what kills the worker (uncaught exception, unhandled rejection, exit) to `report`, before the
   * worker goes away.
   */
  onFatal(report: (thrown: unknown, exitCode?: number) => void): void;
}
