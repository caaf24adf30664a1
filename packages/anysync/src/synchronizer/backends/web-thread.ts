import { setImmediate } from './immediate.js';
import type { ReplyEnd, SpawnOptions, Thread, ThreadBackend, ThreadSide } from './thread-backend.js';

/** The slice of the DOM's `Worker` used here (the project compiles without the DOM library). */
interface WebWorker {
  postMessage(message: unknown, transfer: unknown[]): void;
  terminate(): void;
  addEventListener(
    type: 'error',
    listener: (event: { message?: string; error?: unknown; preventDefault(): void }) => void,
  ): void;
}

interface WebPort {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: unknown[]): void;
  close(): void;
}

type WebGlobals = typeof globalThis & {
  Worker?: new (url: URL, options: { type: 'module'; name: string }) => WebWorker;
  MessageChannel: new () => { port1: WebPort; port2: WebPort };
};

/** Only Node can lay out a worker's command line and environment; a Web Worker has neither. */
function refuseNodeOptions(options: SpawnOptions): void {
  if (options.execArgv !== undefined && options.execArgv.length > 0) {
    throw new TypeError(
      `execArgv (${options.execArgv.join(' ')}) is a Node option: a Web Worker has no command line`,
    );
  }
  if (options.env !== undefined) {
    throw new TypeError('env is a Node option: a Web Worker has no environment variables');
  }
}

/**
 * Module Web Workers (browsers). The boot data goes as the first message; replies come on a
 * `MessageChannel` port. A browser thread cannot read messages while it blocks, which is why the blocking
 * lane answers through shared memory only here (`receivesWhileBlocked: false`).
 */
export const webThreadBackend: ThreadBackend = {
  name: 'web',
  receivesWhileBlocked: false,
  capturesOutput: false,

  channel(onMessage) {
    const { port1, port2 } = new (globalThis as WebGlobals).MessageChannel();
    port1.onmessage = (event) => onMessage(event.data);
    const local: ReplyEnd = {
      receive: () => undefined,
      ref: () => {},
      unref: () => {},
      close: () => port1.close(),
    };
    return { local, remote: port2 };
  },

  spawn(entry: URL, options: SpawnOptions): Thread {
    refuseNodeOptions(options);
    const WorkerClass = (globalThis as WebGlobals).Worker;
    if (!WorkerClass) throw new Error('this runtime has neither node:worker_threads nor Web Workers');
    const worker = new WorkerClass(entry, { type: 'module', name: options.name });
    worker.addEventListener('error', (event) => {
      // Handled here: it must not go on to be an uncaught error of this thread too.
      event.preventDefault();
      // A worker whose module could not be fetched or parsed gets a bare event, with no message.
      const error =
        event.error instanceof Error
          ? event.error
          : new Error(event.message || `its module ${entry.href} could not be loaded`);
      options.onError(error);
    });
    // The worker raises this word when the boot message reaches it: the caller can then tell, without
    // the event loop, whether it is running.
    const running = new Int32Array(new SharedArrayBuffer(4));
    let yielded = false;
    setImmediate(() => {
      yielded = true;
    });
    worker.postMessage({ boot: options.boot, running }, [...options.transfer]);
    return {
      threadId: undefined,
      waitUntilRunning(ms) {
        if (Atomics.load(running, 0) === 1) return true;
        if (!yielded) return false;
        Atomics.wait(running, 0, 0, ms);
        return Atomics.load(running, 0) === 1;
      },
      post: (message, transfer) => worker.postMessage(message, transfer ? [...transfer] : []),
      terminate: async () => worker.terminate(),
      ref: () => {},
      unref: () => {},
    };
  },
};

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'error' | 'unhandledrejection',
    listener: (event: {
      error?: unknown;
      reason?: unknown;
      message?: string;
      preventDefault(): void;
    }) => void,
  ): void;
  close(): void;
}

/**
 * The worker's side of a Web Worker. It listens from the moment it is created, so no message is lost
 * while the entry module is still loading; the first message is the boot data.
 */
export function webThreadSide(): ThreadSide {
  const scope = globalThis as unknown as WorkerScope;
  const queued: unknown[] = [];
  let listener: ((message: unknown) => void) | undefined;
  let bootWaiter: ((boot: unknown) => void) | undefined;
  let boot: { value: unknown } | undefined;
  scope.addEventListener('message', (event) => {
    if (!boot) {
      const { boot: value, running } = event.data as { boot: unknown; running: Int32Array };
      boot = { value };
      Atomics.store(running, 0, 1);
      Atomics.notify(running, 0);
      bootWaiter?.(value);
    } else if (listener) listener(event.data);
    else queued.push(event.data);
  });
  return {
    boot: undefined,
    receiveBoot: () =>
      boot
        ? Promise.resolve(boot.value)
        : new Promise((resolve) => {
            bootWaiter = resolve;
          }),
    onMessage(next) {
      listener = next;
      for (const message of queued.splice(0)) next(message);
    },
    onFatal(report) {
      // The worker is closed after reporting, as Node's guard exits: its state can no longer be trusted.
      scope.addEventListener('error', (event) => {
        event.preventDefault();
        report(event.error ?? new Error(event.message ?? 'uncaught error'));
        scope.close();
      });
      scope.addEventListener('unhandledrejection', (event) => {
        event.preventDefault();
        report(event.reason);
        scope.close();
      });
    },
  };
}
