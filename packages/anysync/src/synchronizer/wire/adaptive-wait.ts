/**
 * Waiting that adapts to the machine's load. Each side of a blocking call polls shared memory before it
 * parks on a futex only as long as parking would cost: the wake-up latency it has observed. That is the
 * ski-rental rule (rent, poll, for as long as buying, parking, would cost), which never costs more than
 * twice the better choice made in hindsight.
 *
 * On a quiet virtual machine a futex wake-up costs tens of microseconds (an idle CPU must be woken), so
 * both sides poll and a burst of small calls never sleeps. On a busy machine the CPUs are awake and a
 * wake-up costs a few microseconds, so the budget shrinks to that and the sides park almost at once:
 * polling there only takes CPU time from the other side, which then replies later.
 *
 * The latency is measured, not guessed: whoever wakes the other side stamps the shared clock (both
 * threads read the same monotonic clock, `performance.timeOrigin + performance.now()`) just before its
 * notify, and the woken side subtracts. A poll that finds it lost the CPU meanwhile (a gap in its own
 * clock readings) also says the machine is busy.
 */

/** Float64 slots over the control block's last 16 bytes: when each side last woke the other, in µs. */
export const Stamp = { toWorker: 14, toCaller: 15 } as const;

/** Microseconds on a clock both threads share. */
export function clock(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}

const views = new WeakMap<Int32Array, Float64Array>();

function stamps(control: Int32Array): Float64Array {
  let view = views.get(control);
  if (!view) {
    view = new Float64Array(control.buffer, control.byteOffset, control.byteLength >> 3);
    views.set(control, view);
  }
  return view;
}

/** Records that this side is about to wake the other through `slot` (call right before the notify). */
export function stampWake(control: Int32Array, slot: number): void {
  stamps(control)[slot] = clock();
}

/** A gap this long between two clock readings of a poll means the poller lost its CPU. */
const PREEMPTED_US = 200;
/** Every this many waits, park without polling: a fresh measure of the wake-up cost. */
const PROBE_EVERY = 256;
/** Weight of a new wake-up measure in the running estimate. */
const WEIGHT = 0.25;
/** Most waits that park at once after polls came back empty or were preempted. */
const MAX_BACKOFF = 63;

/** One side's waits: how long to poll, learned from the wake-ups it has seen. */
export class AdaptiveWait {
  /** Running estimate of a wake-up's latency in µs; 0 until one was seen. */
  #wake = 0;
  #waits = 0;
  #skip = 0;
  #backoff = 0;

  /** The estimate, for tests and diagnostics. */
  get wakeCost(): number {
    return this.#wake;
  }

  /**
   * Polls `control[index]` while it holds `value`, for at most `limit` µs and no longer than a wake-up
   * costs; true once it changed. False means: park now (and report the wake-up with `woke`).
   */
  poll(control: Int32Array, index: number, value: number, limit: number): boolean {
    const budget = this.#budget(limit);
    if (budget <= 0) return Atomics.load(control, index) !== value;
    const start = performance.now();
    const until = start + budget / 1000;
    let last = start;
    do {
      // The clock is read once per 64 loads: reading it costs more than a load.
      for (let i = 0; i < 64; i++) if (Atomics.load(control, index) !== value) return this.#success();
      const now = performance.now();
      if ((now - last) * 1000 > PREEMPTED_US) return this.#preempted();
      last = now;
    } while (last < until);
    return this.#empty();
  }

  /**
   * The wait that followed ended: `parkedAt` is when this side parked (`clock()`), and the other side's
   * stamp in `slot` says when it notified. A notify from before the park was not what woke it.
   */
  woke(control: Int32Array, slot: number, parkedAt: number): void {
    const stamp = stamps(control)[slot] ?? 0;
    if (stamp < parkedAt) return;
    const latency = clock() - stamp;
    if (latency < 0 || latency > 1e6) return;
    this.#wake = this.#wake === 0 ? latency : this.#wake + WEIGHT * (latency - this.#wake);
  }

  #budget(limit: number): number {
    if (limit <= 0) return 0;
    if (this.#skip > 0) {
      this.#skip--;
      return 0;
    }
    if (++this.#waits % PROBE_EVERY === 0) return 0;
    return this.#wake === 0 ? limit : Math.min(limit, this.#wake);
  }

  #success(): true {
    this.#backoff = 0;
    return true;
  }

  #empty(): false {
    this.#backoff = Math.min(this.#backoff * 2 + 1, MAX_BACKOFF);
    this.#skip = this.#backoff;
    return false;
  }

  /** Lost the CPU while polling: the machine is busy, parking is cheap there, and polling in the way. */
  #preempted(): false {
    this.#wake = Math.min(this.#wake || PREEMPTED_US, 1);
    return this.#empty();
  }
}
