import { holdOpen, release } from './keep-alive.js';
import { waitAsync } from './wait-async.js';
import { LOCK } from './shared-layout.js';

const FREE = 0;
const LOCKED = 1;
/** Locked, and someone may be waiting: the unlocker must notify. */
const CONTENDED = 2;
const SPINS = 64;

/**
 * A mutex in shared memory (the classic three-state futex lock): threads that may block wait with
 * `Atomics.wait`, others with `Atomics.waitAsync`. It is only ever held to copy one record in or out of
 * the ring, never across a wait, so holding times are short and bounded.
 */
export class SharedLock {
  constructor(readonly control: Int32Array) {}

  tryLock(): boolean {
    return Atomics.compareExchange(this.control, LOCK, FREE, LOCKED) === FREE;
  }

  /** Takes the lock, blocking the thread while another holds it. */
  lock(): void {
    if (this.#spin()) return;
    const control = this.control;
    while (Atomics.exchange(control, LOCK, CONTENDED) !== FREE) Atomics.wait(control, LOCK, CONTENDED);
  }

  /** Takes the lock without blocking the thread. */
  async lockAsync(): Promise<void> {
    if (this.#spin()) return;
    const control = this.control;
    while (Atomics.exchange(control, LOCK, CONTENDED) !== FREE) {
      const wait = waitAsync(control, LOCK, CONTENDED);
      if (!wait.async) continue;
      holdOpen();
      try {
        await wait.value;
      } finally {
        release();
      }
    }
  }

  unlock(): void {
    if (Atomics.sub(this.control, LOCK, 1) !== LOCKED) {
      Atomics.store(this.control, LOCK, FREE);
      Atomics.notify(this.control, LOCK, 1);
    }
  }

  /** A short spin first: the holder is copying one record and usually done within a few microseconds. */
  #spin(): boolean {
    for (let i = 0; i < SPINS; i++) if (this.tryLock()) return true;
    return false;
  }
}
