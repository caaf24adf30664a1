import { describe, expect, it } from 'vitest';
import { sleepSync } from '../../src/runtime/sleep-sync.js';

describe('sleepSync()', () => {
  it('blocks for at least the requested time and returns the value', () => {
    const started = performance.now();
    const result = sleepSync(30, 'done');
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    expect(result).toBe('done');
  });

  it('returns immediately for zero and negative delays, as setTimeout does in the async twin', () => {
    expect(sleepSync(0, 1)).toBe(1);
    expect(sleepSync(-5, 2)).toBe(2);
  });

  it('refuses a delay that is not a number (no longer coerced: sleepSync("10") slept 10 ms)', () => {
    expect(() => sleepSync('10' as unknown as number)).toThrow(
      new TypeError("sleepSync(): ms must be a finite number, got '10' (string)"),
    );
    expect(() => sleepSync(Number.NaN)).toThrow(
      new RangeError('sleepSync(): ms must be a finite number, got NaN'),
    );
    expect(() => sleepSync(Number.POSITIVE_INFINITY)).toThrow(RangeError); // would block the thread for good
  });
});
