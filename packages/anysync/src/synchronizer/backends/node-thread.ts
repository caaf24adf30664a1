import type { MessagePort, TransferListItem } from 'node:worker_threads';
import { nodeBuiltin } from './node-builtin.js';
import type { ReplyEnd, SpawnOptions, Thread, ThreadBackend, ThreadSide } from './thread-backend.js';

type WorkerThreads = typeof import('node:worker_threads');

let loaded: WorkerThreads | undefined;

/** `node:worker_threads`, reached only when a Node-flavoured runtime actually starts a worker. */
function workerThreads(): WorkerThreads {
  loaded ??= nodeBuiltin<WorkerThreads>('node:worker_threads');
  if (!loaded) throw new Error('node:worker_threads is not available in this runtime');
  return loaded;
}

/** Worker threads of Node (and of Bun and Deno, which implement `node:worker_threads`). */
export const nodeThreadBackend: ThreadBackend = {
  name: 'worker_threads',
  receivesWhileBlocked: true,
  capturesOutput: true,

  channel(onMessage) {
    const { MessageChannel, receiveMessageOnPort } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    port1.on('message', onMessage);
    const local: ReplyEnd = {
      receive: () => receiveMessageOnPort(port1),
      ref: () => port1.ref(),
      unref: () => port1.unref(),
      close: () => port1.close(),
    };
    return { local, remote: port2 };
  },

  spawn(entry: URL, options: SpawnOptions): Thread {
    const threads = workerThreads();
    const worker = new threads.Worker(entry, {
      workerData: options.boot,
      transferList: options.transfer as TransferListItem[],
      execArgv: options.execArgv,
      // The program's own arguments, as in the main thread (`--no-color` and the like are read there).
      argv: globalThis.process?.argv?.slice(2),
      // Without variables of its own, the worker shares the process's environment, as code in one thread
      // does: a variable either side sets later is seen by the other.
      env: options.env ?? threads.SHARE_ENV,
      name: options.name,
    });
    worker.on('exit', options.onExit);
    worker.on('error', options.onError);
    return {
      threadId: worker.threadId,
      post: (message, transfer) => worker.postMessage(message, transfer as readonly TransferListItem[]),
      terminate: async () => {
        await worker.terminate();
      },
      ref: () => worker.ref(),
      unref: () => worker.unref(),
      waitUntilRunning: () => true,
    };
  },
};

/** The worker's side of a Node worker thread: `workerData`, `parentPort` and `process` events. */
export function nodeThreadSide(): ThreadSide {
  const { parentPort, workerData } = workerThreads();
  return {
    boot: workerData,
    receiveBoot: async () => workerData,
    onMessage: (listener) => void (parentPort as MessagePort | null)?.on('message', listener),
    onFatal(report) {
      process.on('uncaughtException', (error) => {
        report(error);
        process.exit(1);
      });
      process.on('unhandledRejection', (reason) => {
        report(reason);
        process.exit(1);
      });
      process.on('exit', (code) => report(`the worker exited with code ${code}`, code));
    },
  };
}
