/**
 * `anysync/dual-queue`: `DualQueue`, one FIFO queue shared by the main thread and worker threads through
 * shared memory, with promise-returning `put`/`get` on every thread and blocking `putSync`/`getSync` where
 * the thread may block (async-utils' `dual_color` queues, across threads). Values cross by structured
 * clone; the queue is bounded, with backpressure. Needs SharedArrayBuffer; structured clone loads
 * `node:v8` on first use (or pass a codec).
 *
 * @module
 */
export { DualQueue, type DualQueueOptions, type DualQueueStats } from './dual-queue.js';
export type { DualQueueHandle } from './shared-layout.js';
export type { ValueCodec } from './value-codec.js';
