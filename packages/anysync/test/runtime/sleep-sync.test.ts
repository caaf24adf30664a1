import { describe, expect, it } from 'vitest';
import { sleepSync } from '../../src/runtime/sleep-sync.js';

describe('sleepSync()', () => {
  it('blocks for at least the requested time and returns the value', () => {
    const started = performance.now();
    const result = sleepSync(30, 'done');
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    expect(result).toBe('done');
  });

  it('returns immediately for zero and negative delays', () => {
    expect(sleepSync(0, 1)).toBe(1);
    expect(sleepSync(-5, 2)).toBe(2);
  });

  it('rejects a delay that is not a number', () => {
    expect(() => sleepSync(Number.NaN)).toThrow(/must be a number/);
    expect(() => sleepSync('soon' as unknown as number)).toThrow(/got soon/);
  });
});
