import { replayJournal } from './record-ring.js';
import { GET_SEQ, LOCK, PUT_SEQ } from './shared-layout.js';

/** The bit `SharedLock` sets on top of the owner id while others wait (kept here to avoid an import cycle). */
const CONTENDED = 1 << 30;
const ID_BITS = 2 ** 29 - 1;

interface WorkerLike {
  readonly threadId: number;
  once(event: 'exit', listener: () => void): unknown;
}
interface ProcessLike {
  on?: (event: 'worker', listener: (worker: WorkerLike) => void) => unknown;
  getBuiltinModule?: (id: string) => unknown;
}

const nodeProcess = (globalThis as { process?: ProcessLike }).process;
let owner: number | undefined;

/**
 * This thread's id in a lock word: Node's `threadId` + 1 (unique within the process, which shared memory
 * never leaves). Where there is none (browsers), a random id above every thread id: such a holder cannot
 * be recovered, since nothing reports its death.
 */
export function ownerId(): number {
  if (owner === undefined) {
    const workers = nodeProcess?.getBuiltinModule?.('node:worker_threads') as
      | { threadId?: number }
      | undefined;
    const threadId = workers?.threadId;
    owner =
      typeof threadId === 'number' && threadId < ID_BITS
        ? threadId + 1
        : ID_BITS + 1 + Math.floor(Math.random() * ID_BITS);
  }
  return owner;
}

/**
 * Frees `control`'s lock if the thread `dead` (an owner id) holds it: replays the journal of the operation
 * it was in (or leaves the state before it), releases the lock, and wakes every waiter (lockers, getters
 * and putters alike: the dead thread may have committed a put or get without bumping the sequence words
 * that wake them). Returns whether it did. Only call it for a thread known to be gone.
 */
export function recoverLock(control: Int32Array, dead: number): boolean {
  for (;;) {
    const held = Atomics.load(control, LOCK);
    if ((held & ~CONTENDED) !== dead) return false;
    replayJournal(control);
    // Another thread may have set the contended bit meanwhile: read again and retry.
    if (Atomics.compareExchange(control, LOCK, held, 0) !== held) continue;
    Atomics.add(control, PUT_SEQ, 1);
    Atomics.add(control, GET_SEQ, 1);
    Atomics.notify(control, LOCK);
    Atomics.notify(control, PUT_SEQ);
    Atomics.notify(control, GET_SEQ);
    return true;
  }
}

/** The control blocks of the queues opened in this thread, held weakly. */
const controls = new Set<WeakRef<Int32Array>>();
let sweepAt = 64;
let watching = false;

function forEachControl(visit: (control: Int32Array) => void): void {
  for (const ref of controls) {
    const control = ref.deref();
    if (control === undefined) controls.delete(ref);
    else visit(control);
  }
}

/**
 * Registers a queue's control block so that, when a worker created by this thread exits (Node's
 * `process.on('worker')`, then the worker's `'exit'` event), a lock it held on that queue is recovered.
 * Worker termination is the one way a thread can die in the middle of a put or get: the parent learns of
 * it from its event loop, and the other threads waiting for the lock are then woken.
 */
export function watchForDeadOwners(control: Int32Array): void {
  controls.add(new WeakRef(control));
  if (controls.size >= sweepAt) {
    forEachControl(() => {});
    sweepAt = Math.max(64, controls.size * 2);
  }
  if (watching || typeof nodeProcess?.on !== 'function') return;
  watching = true;
  nodeProcess.on('worker', (worker) => {
    const dead = worker.threadId + 1;
    worker.once('exit', () => forEachControl((each) => recoverLock(each, dead)));
  });
}
