const TOLERANCE = 1e-6;

/**
 * The sliding-window log of a rate limiter: when each admission happened and how much it weighed, oldest
 * first, in a ring of typed arrays whose size is a power of two (no allocation per admission). Entries older than the window are
 * dropped from the front; the weights still inside are summed in `used`.
 */
export class AdmissionLog {
  #times = new Float64Array(16);
  #weights = new Float64Array(16);
  #head = 0;
  #length = 0;
  /** Total weight of the entries held. */
  used = 0;

  get length(): number {
    return this.#length;
  }

  push(time: number, weight: number): void {
    if (this.#length === this.#times.length) this.#grow();
    const index = (this.#head + this.#length) & (this.#times.length - 1);
    this.#times[index] = time;
    this.#weights[index] = weight;
    this.#length++;
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
    while (this.#length > 0 && (times[this.#head] as number) <= limit) {
      this.used -= this.#weights[this.#head] as number;
      this.#head = (this.#head + 1) & (times.length - 1);
      this.#length--;
    }
    if (this.#length === 0) this.used = 0; // no float drift once empty
  }

  /**
   * The admission time after which `weight` more fits under `limit`: once the entries up to and including
   * it have left the window. `undefined` when it fits already.
   */
  timeFreeing(weight: number, limit: number): number | undefined {
    let remaining = this.used;
    const capacity = this.#times.length;
    for (let i = 0; i < this.#length; i++) {
      if (remaining + weight <= limit) return undefined;
      const index = (this.#head + i) & (capacity - 1);
      remaining -= this.#weights[index] as number;
      if (remaining + weight <= limit) return this.#times[index] as number;
    }
    return undefined;
  }

  #grow(): void {
    const capacity = this.#times.length;
    const times = new Float64Array(capacity * 2);
    const weights = new Float64Array(capacity * 2);
    for (let i = 0; i < this.#length; i++) {
      const index = (this.#head + i) & (capacity - 1);
      times[i] = this.#times[index] as number;
      weights[i] = this.#weights[index] as number;
    }
    this.#times = times;
    this.#weights = weights;
    this.#head = 0;
  }
}
