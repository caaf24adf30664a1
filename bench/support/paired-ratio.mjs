import { median } from './median.mjs';

/**
 * Process slot p's ratio: the median of `numerator[p]` over the median of `denominator[p]`, where each
 * argument holds one array of timed rounds per fresh process, and the two processes of a slot ran one
 * after the other.
 */
export function slotRatios(numerator, denominator) {
  return numerator.map((rounds, p) => median(rounds) / median(denominator[p]));
}

/**
 * How two adapters compare: the median, over process slots, of their ratio in each slot. On a shared
 * machine a whole process can run fast or slow (about one in three some 50% slower here, whatever it
 * runs), so a ratio of two pooled medians moves with how many slow processes each side drew; pairing the
 * processes of one slot keeps that out of the comparison.
 */
export function pairedRatio(numerator, denominator) {
  return median(slotRatios(numerator, denominator));
}

/** "0.91–1.32": how far the slots' ratios spread, printed with each verdict. */
export function slotRange(numerator, denominator) {
  const ratios = slotRatios(numerator, denominator);
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}
