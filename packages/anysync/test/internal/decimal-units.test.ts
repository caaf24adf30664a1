import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalUnits, MAX_UNITS } from '../../src/internal/decimal-units.js';

describe('DecimalUnits', () => {
  it('counts integers as themselves until a fraction needs more digits', () => {
    const factors: number[] = [];
    const units = new DecimalUnits(10, (factor) => factors.push(factor));
    expect([units.of(1), units.of(7), units.scale]).toEqual([1, 7, 1]);
    expect(units.of(0.2)).toBe(2);
    expect(units.of(0.25)).toBe(25);
    expect(factors).toEqual([10, 10]);
    expect(units.of(1)).toBe(100);
    expect(units.quantity(30)).toBe(0.3);
  });

  it('reads 0.1 + 0.2, as computed in floating point, as exactly 0.3', () => {
    const units = new DecimalUnits(1, () => {});
    expect(units.of(0.1) + units.of(0.2)).toBe(units.of(0.3));
    expect(units.of(0.1 + 0.2)).toBe(units.of(0.3));
  });

  it('stops growing where the capacity would leave exact integers, and rounds there', () => {
    expect(DecimalUnits.maxScaleFor(1)).toBe(1e15);
    expect(DecimalUnits.maxScaleFor(3)).toBe(1e14);
    expect(DecimalUnits.maxScaleFor(1e9)).toBe(1e6);
    expect(DecimalUnits.maxScaleFor(MAX_UNITS)).toBe(1);
    const units = new DecimalUnits(1, () => {});
    expect(units.of(1 / 3)).toBe(333_333_333_333_333);
    expect(units.finest).toBe(1e-15);
    expect(units.of(1e-20)).toBe(0); // finer than it can count: the caller refuses it
  });

  it('keeps sums exact: adding and taking away any decimals returns to exactly 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 50 }), (thousandths) => {
        let total = 0;
        const units = new DecimalUnits(10_000, (factor) => {
          total *= factor;
        });
        // Each amount is read at the scale of its time; growing the scale multiplies the total so far, so
        // the amount is read before the total (`total += units.of(…)` would add to the stale total).
        for (const t of thousandths) {
          const amount = units.of(t / 1000);
          total += amount;
        }
        expect(units.quantity(total)).toBe(thousandths.reduce((a, b) => a + b, 0) / 1000);
        for (const t of thousandths) total -= units.of(t / 1000);
        expect(total).toBe(0);
      }),
    );
  });
});
