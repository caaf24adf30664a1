import { currentRuntime } from '../../runtime/current-runtime.js';

/*
 * What a thread may not do, and the errors that say so instead of hanging: blocking where `Atomics.wait`
 * is forbidden, waiting while blocked for a message a browser thread cannot read, waiting for a Web Worker
 * that cannot start until this thread yields, working without shared memory.
 */

/** Why blocking calls are refused on this thread. */
export function noBlocking(): string {
  const { name, thread } = currentRuntime();
  return (
    `this thread may not block (${name}, ${thread} thread), so blocking synchronizer calls are refused ` +
    'here: use loadAsync() and the .async twins, or make blocking calls from a Web Worker (of a ' +
    'cross-origin-isolated page, in a browser)'
  );
}

/** How long a first blocking call waits for a Web Worker that is starting (fetching its modules). */
export const START_WAIT_MS = 30_000;

/** A first blocking call in a browser before the worker could start. */
export const NOT_STARTED =
  "the synchronizer's Web Worker has not started: a browser starts a worker only once the thread that " +
  'created it returns to its event loop, so a first blocking call cannot wait for it. Begin with ' +
  '`await sync.loadAsync(module)`; blocking calls work from then on';

/** A crash noticed through shared memory by a thread that cannot read the report yet. */
export const CRASH_DETAILS_LATER =
  'crashed (an uncaught error or unhandled rejection); the error becomes its `cause` once this thread ' +
  'returns to its event loop and receives the report';

/** A blocked browser thread needed a message to go on. */
export const NO_MESSAGES_WHILE_BLOCKED =
  'a browser thread cannot receive messages while it blocks, and this needed one: a blocking call whose ' +
  'reply carries transferred objects or exceeds sharedMemoryLimit, or future.result() on a pending ' +
  'future. Use the .async twin and await it instead';

/** Shared memory, or a clear error where there is none (a browser page that is not cross-origin isolated). */
export function sharedBuffer(bytes: number): SharedArrayBuffer {
  if (typeof SharedArrayBuffer !== 'function') {
    throw new Error(
      'the synchronizer needs SharedArrayBuffer, which this context lacks: in a browser, serve the page ' +
        'cross-origin isolated (Cross-Origin-Opener-Policy: same-origin and ' +
        'Cross-Origin-Embedder-Policy: require-corp)',
    );
  }
  return new SharedArrayBuffer(bytes);
}

let blockingAllowed: boolean | undefined;

/** `Atomics.wait` is allowed here; decided once. */
export function canBlockHere(): boolean {
  blockingAllowed ??= currentRuntime().canBlock;
  return blockingAllowed;
}
