import { checkInteger } from '../internal/check-integer.js';
import { invalidArgument } from '../internal/invalid-argument.js';

/**
 * The shared memory of a `DualQueue`, and nothing else: the meaning of each word of the control block.
 * Every thread holding the two buffers sees the same queue.
 */
/** 0 when free, else the holder's owner id (see `shared-lock.ts`), plus a bit while others wait. */
export const LOCK = 0;
/** Byte offset of the oldest record in the ring. */
export const HEAD = 1;
/** Items in the queue. */
export const COUNT = 2;
/** Bytes the records take in the ring (headers included). */
export const USED = 3;
/** 1 once closed. */
export const CLOSED = 4;
/** Bumped by every put and by close: getters wait for it to change. */
export const PUT_SEQ = 5;
/** Bumped by every get and by close: putters wait for it to change. */
export const GET_SEQ = 6;
export const WAITING_GETTERS = 7;
export const WAITING_PUTTERS = 8;
export const MAX_ITEMS = 9;
/**
 * A redo journal of the three words a put or get changes (HEAD, USED, COUNT): the lock holder writes
 * their new values here, sets JOURNAL to 1 (the commit point), applies them, and sets it back to 0. A
 * thread that dies holding the lock thus leaves either the state before its operation (JOURNAL 0: a record
 * half-copied into the ring is past the tail, never read) or a journal that whoever recovers the lock
 * replays.
 */
export const JOURNAL = 10;
export const JOURNAL_HEAD = 11;
export const JOURNAL_USED = 12;
export const JOURNAL_COUNT = 13;
/**
 * 1 while a getter (putter) may be asleep on PUT_SEQ (GET_SEQ). The first put (get) that finds it set
 * clears it and wakes them all, so a sleeping thread costs one `Atomics.notify`, not one per operation
 * until it has run and been counted out of WAITING_GETTERS.
 */
export const GETTERS_ASLEEP = 14;
export const PUTTERS_ASLEEP = 15;
export const CONTROL_WORDS = 16;
/** A record is a 4-byte length, a 1-byte tag, then the payload. */
export const HEADER_BYTES = 5;

/**
 * What a worker needs to open the same queue with `DualQueue.from(handle)`: two SharedArrayBuffers, which
 * `postMessage` and `workerData` share rather than copy.
 *
 * @example
 * ```ts
 * import { DualQueue, type DualQueueHandle } from 'anysync/dual-queue';
 *
 * const queue = new DualQueue<string>();
 * const handle: DualQueueHandle = queue.handle; // pass it as workerData, or in a message
 * const sameQueue = DualQueue.from<string>(handle);
 * ```
 */
export interface DualQueueHandle {
  readonly control: SharedArrayBuffer;
  readonly data: SharedArrayBuffer;
}

/** Checks that `handle` looks like a queue's shared memory, naming the problem otherwise. */
export function checkHandle(handle: DualQueueHandle, label: string): void {
  const ok =
    handle !== null &&
    typeof handle === 'object' &&
    handle.control instanceof SharedArrayBuffer &&
    handle.data instanceof SharedArrayBuffer &&
    handle.control.byteLength === CONTROL_WORDS * 4;
  if (!ok) {
    const expected = 'the `handle` of a DualQueue ({ control, data } SharedArrayBuffers)';
    throw invalidArgument('type', label, expected, handle);
  }
}

const UNLIMITED = 2 ** 31 - 1;

/** Allocates the shared memory of a new queue: a ring of `bytes`, holding at most `maxItems` items. */
export function createHandle(bytes: number, maxItems: number | undefined): DualQueueHandle {
  checkInteger(bytes, 'DualQueue: bytes', 16, UNLIMITED);
  const limit = checkInteger(maxItems ?? UNLIMITED, 'DualQueue: maxItems', 1, Number.POSITIVE_INFINITY);
  const handle = { control: new SharedArrayBuffer(CONTROL_WORDS * 4), data: new SharedArrayBuffer(bytes) };
  Atomics.store(new Int32Array(handle.control), MAX_ITEMS, Math.min(limit, UNLIMITED));
  return handle;
}
