import type { ContextSnapshot } from './context-snapshot.js';
import type { Task } from './token-runner.js';

/** Slots per block after the first; each call takes three (resolve, task, snapshot). */
const BLOCK_SLOTS = 3 * 1024;
/** The first block is small, so that a semaphore that rarely queues stays small. */
const FIRST_BLOCK_SLOTS = 3 * 8;

interface Block {
  readonly slots: unknown[];
  next: Block | undefined;
}

/**
 * A FIFO of queued calls that cannot be aborted (no signal, no cancel scope), kept as three array slots per call
 * rather than one object per call: with 100 000 calls queued on a semaphore, the queue costs 24 bytes per
 * call besides the promise handed back to the caller and the captured async context. Only the `resolve`
 * of each call's promise is kept (it cannot be aborted, so it never needs `reject`); the task's own promise
 * is adopted, so a failure reaches the caller unchanged.
 */
export class QueuedRunList {
  // Fixed-size blocks linked in order: growing never copies (a ring buffer would copy every call each time
  // it doubles), and a block is dropped as soon as its calls have started.
  #head: Block = { slots: new Array(FIRST_BLOCK_SLOTS), next: undefined };
  #tail: Block = this.#head;
  #headIndex = 0;
  #tailIndex = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(resolve: (value: unknown) => void, task: Task<unknown>, snapshot: ContextSnapshot | undefined): void {
    if (this.#tailIndex === this.#tail.slots.length) {
      const block: Block = { slots: new Array(BLOCK_SLOTS), next: undefined };
      this.#tail.next = block;
      this.#tail = block;
      this.#tailIndex = 0;
    }
    const slots = this.#tail.slots;
    const index = this.#tailIndex;
    slots[index] = resolve;
    slots[index + 1] = task;
    slots[index + 2] = snapshot;
    this.#tailIndex = index + 3;
    this.#size++;
  }

  /**
   * Removes the oldest call and starts it, in the context it was queued in; its promise follows the task's.
   * `settled` runs once the task has settled, however it ends (it must not throw).
   */
  startHead(settled: () => void): void {
    const block = this.#head;
    const slots = block.slots;
    const index = this.#headIndex;
    const resolve = slots[index] as (value: unknown) => void;
    const task = slots[index + 1] as Task<unknown>;
    const snapshot = slots[index + 2] as ContextSnapshot | undefined;
    slots[index] = undefined;
    slots[index + 1] = undefined;
    slots[index + 2] = undefined;
    this.#size--;
    if (this.#size === 0) {
      // Empty: rewind instead of moving on, so a queue that fills and drains in turns keeps one block.
      this.#tail = block;
      block.next = undefined;
      this.#headIndex = 0;
      this.#tailIndex = 0;
    } else if (index + 3 === slots.length) {
      this.#head = block.next as Block;
      this.#headIndex = 0;
    } else {
      this.#headIndex = index + 3;
    }
    let promise: Promise<unknown>;
    try {
      const result = snapshot === undefined ? task() : snapshot.run(task);
      promise = result instanceof Promise ? result : Promise.resolve(result);
    } catch (error) {
      promise = Promise.reject(error);
    }
    // `settled` is registered first, so the token is back before the caller's promise settles.
    promise.then(settled, settled);
    resolve(promise);
  }
}
