/**
 * The most units a pool may hold: a sum of two such amounts stays below 2^53, where every integer is a
 * number exactly, so adding and taking away units never rounds.
 */
export const MAX_UNITS = 2 ** 51;
/** 10^22 is the largest power of ten that is a number exactly. */
const MAX_DIGITS = 22;
/** How far (relative) a scaled quantity may be from a whole unit and still be read as exactly on it. */
const ON_GRID = 2 ** -50;

/**
 * Fractional quantities (weights, limits) counted exactly: as whole units of 10^-digits, where `digits`
 * starts at 0 and grows, the first time a quantity needs it, up to the most that keeps `capacity` within
 * `MAX_UNITS`. Integer amounts therefore stay small integers (the fast case), and a weight like 0.2 is 2
 * units of 0.1, so 0.2 + 2 + 0.6 + 0.2 is exactly 3, as a person would count it, where floating-point
 * addition drifts to 3.0000000000000004 and never quite comes back to 0 when the same weights are taken
 * away again. A quantity with more digits than the capacity leaves room for (1/3 against a limit of 1:
 * 15 digits) is rounded to the nearest unit, once, when it comes in.
 *
 * When the scale grows, amounts already counted must be multiplied by the same factor: `onGrow` gets it.
 * So a pool keeps its totals in units and each holder keeps the quantity it took, converting it back
 * with `of()` (exact at any later scale) when it gives it back.
 */
export class DecimalUnits {
  #scale = 1;
  readonly #maxScale: number;
  readonly #onGrow: (factor: number) => void;

  /** `capacity` is the most a pool will hold, finite; see `maxScaleFor`. */
  constructor(capacity: number, onGrow: (factor: number) => void) {
    this.#maxScale = DecimalUnits.maxScaleFor(capacity);
    this.#onGrow = onGrow;
  }

  /** The largest power of ten by which `capacity` can be scaled and stay within `MAX_UNITS` (at least 1). */
  static maxScaleFor(capacity: number): number {
    // Pools are made by the thousand with one capacity (a limiter per API key): the last answer is kept.
    if (capacity === DecimalUnits.#lastCapacity) return DecimalUnits.#lastScale;
    let digits = 0;
    while (digits < MAX_DIGITS && capacity * 10 ** (digits + 1) <= MAX_UNITS) digits++;
    DecimalUnits.#lastCapacity = capacity;
    DecimalUnits.#lastScale = 10 ** digits;
    return DecimalUnits.#lastScale;
  }

  static #lastCapacity = Number.NaN;
  static #lastScale = 1;

  /** Units per 1 (10^digits). */
  get scale(): number {
    return this.#scale;
  }

  /** The smallest quantity this scale can ever count, once grown as far as it may. */
  get finest(): number {
    return 1 / this.#maxScale;
  }

  /** `quantity` in whole units, growing the scale first if it needs more digits and may have them. */
  of(quantity: number): number {
    const scaled = quantity * this.#scale;
    const units = Math.round(scaled);
    if (units === scaled) return units; // the common case: already whole units
    if (Math.abs(scaled - units) <= scaled * ON_GRID || this.#scale === this.#maxScale) return units;
    return this.#grow(quantity);
  }

  /** Units back to a quantity: the number nearest the decimal they stand for (30 units of 0.1 is 3). */
  quantity(units: number): number {
    return units / this.#scale;
  }

  #grow(quantity: number): number {
    // Finer than the finest unit: 0 tells the caller to refuse it, and the scale stays as it was.
    if (quantity * this.#maxScale < 0.5) return 0;
    let scale = this.#scale;
    let scaled: number;
    do {
      scale *= 10;
      scaled = quantity * scale;
    } while (scale < this.#maxScale && Math.abs(scaled - Math.round(scaled)) > scaled * ON_GRID);
    const factor = Math.round(scale / this.#scale);
    this.#scale = scale;
    this.#onGrow(factor);
    return Math.round(scaled);
  }
}
