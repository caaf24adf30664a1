import { invalidArgument } from '../internal/invalid-argument.js';

/**
 * The shared memory of a `ShutdownService`, for worker threads: pass `service.handle` as `workerData` (or
 * in a message) and open it in the worker with `WorkerShutdown.from(handle)`.
 *
 * @example
 * ```ts
 * import { ShutdownService, type ShutdownHandle } from 'anysync/shutdown';
 *
 * const service = new ShutdownService();
 * const handle: ShutdownHandle = service.handle; // e.g. new Worker(file, { workerData: { shutdown: handle } })
 * ```
 */
export interface ShutdownHandle {
  readonly state: SharedArrayBuffer;
}

/** 1 once the shutdown has begun; workers wait on it. */
export const STOPPING = 0;
/** A worker's request to shut down: its code plus one (0: none); the main thread waits on it. */
export const REQUEST = 1;
export const STATE_WORDS = 2;

export function createShutdownHandle(): ShutdownHandle {
  return { state: new SharedArrayBuffer(STATE_WORDS * 4) };
}

export function checkShutdownHandle(handle: ShutdownHandle, what: string): Int32Array {
  if (!(handle?.state instanceof SharedArrayBuffer) || handle.state.byteLength !== STATE_WORDS * 4) {
    const expected = 'the `handle` of a ShutdownService ({ state: SharedArrayBuffer })';
    throw invalidArgument('type', `${what}: handle`, expected, handle);
  }
  return new Int32Array(handle.state);
}
