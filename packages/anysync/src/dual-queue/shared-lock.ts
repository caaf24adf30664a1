import { holdOpen, release } from './keep-alive.js';
import { ownerId, watchForDeadOwners } from './lock-recovery.js';
import { waitAsync } from './wait-async.js';
import { LOCK } from './shared-layout.js';

const FREE = 0;
/** Set on top of the owner id while another thread may be waiting: the unlocker must notify. */
export const CONTENDED = 1 << 30;
const SPINS = 64;

/**
 * A mutex in shared memory (a futex lock whose word holds its owner): threads that may block wait with
 * `Atomics.wait`, others with `Atomics.waitAsync`. It is only ever held to copy one record in or out of
 * the ring, never across a wait, so holding times are short and bounded. The word names the thread that
 * holds it, so that if that thread dies holding it, the lock can be recovered (see `lock-recovery.ts`).
 */
export class SharedLock {
  readonly #owner = ownerId();

  constructor(readonly control: Int32Array) {
    watchForDeadOwners(control);
  }

  tryLock(): boolean {
    return Atomics.compareExchange(this.control, LOCK, FREE, this.#owner) === FREE;
  }

  /** Takes the lock, blocking the thread while another holds it. */
  lock(): void {
    if (this.#spin()) return;
    const control = this.control;
    for (;;) {
      const held = this.#contend();
      if (held === FREE) return;
      Atomics.wait(control, LOCK, held);
    }
  }

  /** Takes the lock without blocking the thread. */
  async lockAsync(): Promise<void> {
    if (this.#spin()) return;
    const control = this.control;
    for (;;) {
      const held = this.#contend();
      if (held === FREE) return;
      const wait = waitAsync(control, LOCK, held);
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
    if (Atomics.exchange(this.control, LOCK, FREE) & CONTENDED) Atomics.notify(this.control, LOCK, 1);
  }

  /**
   * Takes the lock if free (marked contended: others may still be waiting), and returns FREE; otherwise
   * marks it contended and returns the word to wait on.
   */
  #contend(): number {
    const control = this.control;
    for (;;) {
      const held = Atomics.load(control, LOCK);
      if (held === FREE) {
        if (Atomics.compareExchange(control, LOCK, FREE, this.#owner | CONTENDED) === FREE) return FREE;
      } else if (held & CONTENDED) return held;
      else if (Atomics.compareExchange(control, LOCK, held, held | CONTENDED) === held)
        return held | CONTENDED;
    }
  }

  /** A short spin first: the holder is copying one record and usually done within a few microseconds. */
  #spin(): boolean {
    for (let i = 0; i < SPINS; i++) if (this.tryLock()) return true;
    return false;
  }
}
