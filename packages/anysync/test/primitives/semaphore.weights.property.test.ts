// Fractional weights against an exact model: a semaphore's value must be, after every step, exactly the
// decimal a person would compute (no 1.1e-16 left over, no release refused past maxValue because of a
// rounding error), and waiters must be granted exactly when the model grants them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Permit } from '../../src/primitives/permit.js';
import { Semaphore } from '../../src/primitives/semaphore.js';

/** Weights and capacities in thousandths, so the model counts in integers. */
const SCALE = 1000;

type Op =
  | { readonly kind: 'acquire'; readonly weight: number }
  | { readonly kind: 'release'; readonly pick: number };

const awkward = fc.constantFrom(100, 200, 300, 700, 333, 1, 999, 1100);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('acquire' as const),
    weight: fc.oneof(awkward, fc.integer({ min: 1, max: 3000 })),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
);

const flush = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await null;
};

describe('Semaphore with fractional weights', () => {
  it('matches an exact model of value, queue and grants after every step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3000 }),
        fc.array(op, { maxLength: 40 }),
        async (capacity, ops) => {
          const semaphore = new Semaphore(capacity / SCALE);
          let value = capacity;
          const queue: { id: number; weight: number }[] = [];
          const held = new Map<number, { weight: number; permit?: Permit }>();
          const granted = new Set<number>();
          let next = 0;
          const grant = (): void => {
            for (let head = queue[0]; head !== undefined && head.weight <= value; head = queue[0]) {
              queue.shift();
              value -= head.weight;
              held.set(head.id, { weight: head.weight });
            }
          };
          for (const step of ops) {
            if (step.kind === 'acquire') {
              if (step.weight > capacity) {
                expect(() => semaphore.acquire({ weight: step.weight / SCALE })).toThrow(RangeError);
                continue;
              }
              const id = next++;
              queue.push({ id, weight: step.weight });
              void semaphore.acquire({ weight: step.weight / SCALE }).then((permit) => {
                granted.add(id);
                const entry = held.get(id);
                if (entry !== undefined) entry.permit = permit;
              });
              grant();
            } else {
              const ids = [...held.keys()];
              const id = ids[step.pick % Math.max(1, ids.length)];
              const entry = id === undefined ? undefined : held.get(id);
              if (id === undefined || entry?.permit === undefined) continue;
              held.delete(id);
              granted.delete(id);
              entry.permit.release();
              value += entry.weight;
              grant();
            }
            await flush();
            expect(semaphore.value).toBe(value / SCALE);
            expect(semaphore.stats().waiting).toBe(queue.length);
            expect([...granted].sort((a, b) => a - b)).toEqual([...held.keys()].sort((a, b) => a - b));
          }
          for (const entry of held.values()) entry.permit?.release();
        },
      ),
      { numRuns: 300 },
    );
  });
});
