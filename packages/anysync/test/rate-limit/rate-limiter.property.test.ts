import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/rate-limit/rate-limiter.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

/** Weights and limits are generated in thousandths, so the reference model counts in exact integers. */
const SCALE = 1000;

interface Op {
  readonly at: number;
  readonly kind: 'acquire' | 'try';
  readonly weight: number; // thousandths
}

/**
 * The sliding-window log in exact integer arithmetic: an admission at `t` counts while `now < t + interval`;
 * waits are first come, first served; a queued wait is admitted at the first moment it fits, which is when
 * some admission leaves the window; `tryAcquire` succeeds only when nobody waits and the weight fits now.
 * Returns, per operation, the time it was admitted or `false` for a refused `tryAcquire`.
 */
function reference(limit: number, interval: number, ops: readonly Op[]): (number | false)[] {
  const log: { t: number; w: number }[] = [];
  const queue: { index: number; w: number }[] = [];
  const result: (number | false)[] = [];
  let time = 0;
  const usedAt = (now: number): number =>
    log.reduce((sum, entry) => (entry.t + interval > now ? sum + entry.w : sum), 0);
  /** The earliest moment from `time` on when `w` fits: now, or when an admission leaves the window. */
  const fitsFrom = (w: number): number => {
    const candidates = [time, ...log.map((entry) => entry.t + interval).filter((end) => end > time)];
    candidates.sort((a, b) => a - b);
    for (const candidate of candidates) if (usedAt(candidate) + w <= limit) return candidate;
    throw new Error('unreachable: every weight fits in an empty window');
  };
  const advance = (to: number): void => {
    while (queue.length > 0) {
      const head = queue[0] as { index: number; w: number };
      const at = fitsFrom(head.w);
      if (at > to) break;
      queue.shift();
      time = at;
      log.push({ t: at, w: head.w });
      result[head.index] = at;
    }
    time = to;
  };
  ops.forEach((op, index) => {
    advance(op.at);
    const fits = queue.length === 0 && usedAt(time) + op.weight <= limit;
    if (fits) {
      log.push({ t: time, w: op.weight });
      result[index] = time;
    } else if (op.kind === 'try') result[index] = false;
    else queue.push({ index, w: op.weight });
  });
  advance(Number.POSITIVE_INFINITY);
  return result;
}

/** Decimals that floating-point addition gets wrong in company (0.1 + 0.2, 0.2 + 0.6 + 0.2, …). */
const awkward = fc.constantFrom(100, 200, 300, 400, 600, 700, 900, 1100, 2000, 333, 3);

const scenario = fc
  .record({
    limit: fc.oneof(
      fc.integer({ min: 1, max: 50 }).map((h) => h * 100),
      fc.integer({ min: 10, max: 5000 }),
    ),
    interval: fc.oneof(
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 80 }).map((q) => q / 4),
    ),
    ops: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 240 }).map((q) => q / 4),
        kind: fc.constantFrom('acquire', 'acquire', 'try') as fc.Arbitrary<'acquire' | 'try'>,
        weight: fc.oneof(awkward, fc.integer({ min: 1, max: 5000 })),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ limit, interval, ops }) => ({
    limit,
    interval,
    // Weights above the limit are refused at the call (tested elsewhere); times in order of arrival.
    ops: ops.filter((op) => op.weight <= limit).sort((a, b) => a.at - b.at),
  }));

describe('RateLimiter against an exact reference model', () => {
  it('admits fractional weights exactly when the model does, and leaves no timer behind', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ limit, interval, ops }) => {
        const clock = new VirtualClock();
        using _installed = clock.install();
        const limiter = new RateLimiter({ limit: limit / SCALE, interval });
        const seen: (number | false | undefined)[] = ops.map(() => undefined);
        const pending: Promise<void>[] = [];
        for (const [index, op] of ops.entries()) {
          await clock.advanceTo(op.at);
          const weight = op.weight / SCALE;
          if (op.kind === 'try') seen[index] = limiter.tryAcquire(weight) ? clock.now() : false;
          else {
            const admitted = limiter.acquire({ weight }).then(() => {
              seen[index] = clock.now();
            });
            pending.push(admitted);
          }
        }
        await clock.runAll({ limit: 1000 });
        await Promise.all(pending);
        const expected = reference(limit, interval, ops);
        expect(seen).toEqual(expected);
        expect(clock.stats().pendingTimers).toBe(0);
        // The running total is exact too: what is in the window now, to the last decimal.
        const now = clock.now();
        const inWindow = ops.reduce((sum, op, index) => {
          const at = expected[index];
          return at !== false && at !== undefined && at + interval > now ? sum + op.weight : sum;
        }, 0);
        expect(limiter.stats().used).toBe(inWindow / SCALE);
      }),
      { numRuns: 300 },
    );
  });
});
