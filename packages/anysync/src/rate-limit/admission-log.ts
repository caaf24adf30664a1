const TOLERANCE = 1e-6;
/** The dropped prefix is cut off the arrays once it is this long and at least half of them. */
const COMPACT_AFTER = 1024;

/**
 * The sliding-window log of a rate limiter: when each admission happened and how much it weighed (in
 * whole units, see `DecimalUnits`, so `used` is exact however the weights add up), oldest first. Plain arrays read from a moving head: appending is amortised O(1) without reallocating on every
 * doubling (as a typed-array ring would), and the dropped prefix is cut off in bulk now and then.
 */
export class AdmissionLog {
  #times: number[] = [];
  #weights: number[] = [];
  #head = 0;
  /** Total weight of the entries held, in units. */
  used = 0;

  get length(): number {
    return this.#times.length - this.#head;
  }

  /** When the latest entry was admitted; `undefined` when the log is empty. */
  get newest(): number | undefined {
    return this.#head < this.#times.length ? this.#times[this.#times.length - 1] : undefined;
  }

  push(time: number, weight: number): void {
    this.#times.push(time);
    this.#weights.push(weight);
    this.used += weight;
  }

  /**
   * Drops the entries at or before `cutoff`: an admission at `t` counts until `t + interval`. The
   * nanosecond of tolerance absorbs the rounding between a timer's target (`t + interval`) and the clock
   * reading when it fires, which could otherwise re-arm a zero-length timer forever.
   */
  dropUntil(cutoff: number): void {
    const times = this.#times;
    const limit = cutoff + TOLERANCE;
    let head = this.#head;
    while (head < times.length && (times[head] as number) <= limit) {
      this.used -= this.#weights[head] as number;
      head++;
    }
    this.#head = head;
    if (head === times.length) {
      if (head > 0) this.#reset();
    } else if (head >= COMPACT_AFTER && head * 2 >= times.length) {
      times.splice(0, head);
      this.#weights.splice(0, head);
      this.#head = 0;
    }
  }

  /** The units grew finer by `factor`: every weight held is that many times more units. */
  rescale(factor: number): void {
    const weights = this.#weights;
    for (let index = this.#head; index < weights.length; index++)
      weights[index] = (weights[index] as number) * factor;
    this.used *= factor;
  }

  /**
   * The admission time after which `weight` more fits under `limit`: once the entries up to and including
   * it have left the window. `undefined` when it fits already (or would not fit in an empty window).
   */
  timeFreeing(weight: number, limit: number): number | undefined {
    let remaining = this.used;
    if (remaining + weight <= limit) return undefined;
    const times = this.#times;
    for (let index = this.#head; index < times.length; index++) {
      remaining -= this.#weights[index] as number;
      if (remaining + weight <= limit) return times[index] as number;
    }
    return undefined;
  }

  /** The window is empty: start again from fresh arrays. */
  #reset(): void {
    this.#times = [];
    this.#weights = [];
    this.#head = 0;
    this.used = 0;
  }
}
