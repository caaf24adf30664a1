// Random schedules of acquire, release, abort (signal), cancel (scope) and ticks against every
// token-counting primitive. Checked at every step: never more tokens in use than the capacity, grants in
// the promised order (FIFO, or priority then FIFO), aborted waiters never granted; and at the end, once
// everything is released, every waiter was either served or aborted and the primitive is back to idle.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { CapacityLimiter } from '../../src/primitives/capacity-limiter.js';
import { Lock } from '../../src/primitives/lock.js';
import type { Permit } from '../../src/primitives/permit.js';
import { PrioritySemaphore } from '../../src/primitives/priority-semaphore.js';
import { Semaphore } from '../../src/primitives/semaphore.js';

type Op =
  | { kind: 'acquire'; weight: number; priority: number; signal: boolean; scoped: boolean }
  | { kind: 'release'; pick: number }
  | { kind: 'abort'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'tick' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('acquire' as const),
      weight: fc.integer({ min: 1, max: 3 }),
      priority: fc.integer({ min: 0, max: 2 }),
      signal: fc.boolean(),
      scoped: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('abort' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
);

interface Subject {
  readonly capacity: number;
  readonly weighted: boolean;
  readonly prioritised: boolean;
  /** Microtasks a step's grants and rejections take to reach the model (1 for `acquire()`). */
  readonly settle?: number;
  acquire(weight: number, priority: number, signal: AbortSignal | undefined): Promise<Permit>;
  idle(): boolean;
}

const subjects: Record<string, (capacity: number) => Subject> = {
  Semaphore: (capacity) => {
    const semaphore = new Semaphore(capacity, { maxValue: capacity });
    return {
      capacity,
      weighted: true,
      prioritised: false,
      acquire: (weight, _priority, signal) =>
        semaphore.acquire({ weight: Math.min(weight, capacity), signal }),
      idle: () => semaphore.value === capacity && semaphore.stats().waiting === 0,
    };
  },
  // run() and acquire() mixed on one semaphore: calls without a signal or a scope take run()'s own queue,
  // the others the waiter queue, and the order between them must still be arrival order.
  'Semaphore.run': (capacity) => {
    const semaphore = new Semaphore(capacity, { maxValue: capacity });
    return {
      capacity,
      weighted: true,
      prioritised: false,
      // A task's end reaches the semaphore a microtask later, its start reaches the model through the
      // task's own promise: a few microtasks each way, all flushed before the next step.
      settle: 8,
      acquire: (weight, priority, signal) => {
        const options = { weight: Math.min(weight, capacity), signal };
        if (priority === 2) return semaphore.acquire(options);
        // The "permit" ends the task, which gives the tokens back once it has settled.
        return new Promise<Permit>((granted, rejected) => {
          const task = () =>
            new Promise<void>((end) => granted({ release: () => end() } as unknown as Permit));
          semaphore.run(task, options).catch(rejected);
        });
      },
      idle: () => semaphore.value === capacity && semaphore.stats().waiting === 0,
    };
  },
  Lock: () => {
    const lock = new Lock();
    return {
      capacity: 1,
      weighted: false,
      prioritised: false,
      acquire: (_w, _p, signal) => lock.acquire({ signal }),
      idle: () => !lock.locked && lock.stats().waiting === 0,
    };
  },
  PrioritySemaphore: (capacity) => {
    const semaphore = new PrioritySemaphore(capacity);
    return {
      capacity,
      weighted: false,
      prioritised: true,
      acquire: (_w, priority, signal) => semaphore.acquire({ priority, signal }),
      idle: () => semaphore.value === capacity && semaphore.stats().waiting === 0,
    };
  },
  CapacityLimiter: (capacity) => {
    const limiter = new CapacityLimiter(capacity);
    return {
      capacity,
      weighted: false,
      prioritised: false,
      acquire: (_w, _p, signal) => limiter.acquire({ signal }),
      idle: () => limiter.borrowedTokens === 0 && limiter.stats().waiting === 0,
    };
  },
};

interface Waiter {
  readonly id: number;
  readonly weight: number;
  readonly priority: number;
  readonly controller: AbortController | undefined;
  readonly scope: CancelScope | undefined;
  state: 'pending' | 'held' | 'released' | 'aborted';
  permit?: Permit;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function runSchedule(subject: Subject, ops: readonly Op[]): Promise<void> {
  const waiters: Waiter[] = [];
  const violations: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) violations.push(what);
  };
  let inUse = 0;
  const order = (w: Waiter) => (subject.prioritised ? [w.priority, w.id] : [0, w.id]);
  const before = (a: Waiter, b: Waiter) => {
    const [pa, ia] = order(a);
    const [pb, ib] = order(b);
    return (pa as number) < (pb as number) || (pa === pb && (ia as number) < (ib as number));
  };
  // Where grants and rejections reach the model with different delays (settle > 1), the order is checked
  // once a step's effects have all arrived: a waiter granted during the step must not have an older one
  // still pending.
  const lagging = (subject.settle ?? 1) > 1;
  let grantedThisStep: Waiter[] = [];
  const checkOrder = (w: Waiter) => {
    // No pending waiter that is owed service before this one may still be waiting.
    for (const other of waiters) {
      if (other.state === 'pending' && other !== w)
        check(!before(other, w), `#${w.id} served before #${other.id}`);
    }
  };
  const grant = (w: Waiter, permit: Permit) => {
    if (lagging) grantedThisStep.push(w);
    else checkOrder(w);
    w.state = 'held';
    w.permit = permit;
    inUse += subject.weighted ? w.weight : 1;
    check(inUse <= subject.capacity, `${inUse} tokens in use, capacity ${subject.capacity}`);
  };
  const release = (w: Waiter) => {
    w.state = 'released';
    inUse -= subject.weighted ? w.weight : 1;
    w.permit?.release();
  };
  const start = (spec: Extract<Op, { kind: 'acquire' }>) => {
    const weight = Math.min(spec.weight, subject.capacity);
    const w: Waiter = {
      id: waiters.length,
      weight,
      priority: spec.priority,
      controller: spec.signal ? new AbortController() : undefined,
      scope: spec.scoped ? new CancelScope() : undefined,
      state: 'pending',
    };
    waiters.push(w);
    const request = () => {
      const wait = subject.acquire(weight, spec.priority, w.controller?.signal);
      wait.then(
        (permit) => grant(w, permit),
        () => {
          check(w.state === 'pending', `#${w.id} rejected while ${w.state}`);
          w.state = 'aborted';
        },
      );
      return wait;
    };
    // The outcome is observed by the handlers above; these catches only keep the test's own promises quiet.
    if (w.scope) w.scope.run(request).catch(() => {});
    else request().catch(() => {});
  };
  const pick = <T>(items: T[], n: number) => items[n % Math.max(1, items.length)];

  for (const step of ops) {
    if (step.kind === 'acquire') start(step);
    else if (step.kind === 'release') {
      const held = pick(
        waiters.filter((w) => w.state === 'held'),
        step.pick,
      );
      if (held) release(held);
    } else if (step.kind === 'abort') {
      pick(
        waiters.filter((w) => w.state === 'pending' && w.controller),
        step.pick,
      )?.controller?.abort('aborted');
    } else if (step.kind === 'cancel') {
      pick(
        waiters.filter((w) => w.state === 'pending' && w.scope),
        step.pick,
      )?.scope?.cancel();
    } else await tick();
    // Let the grant and rejection handlers of this step run (one microtask), so the model sees each grant
    // before the next step can add waiters that were not there when the primitive decided.
    for (let i = 0; i < (subject.settle ?? 1); i++) await null;
    for (const w of grantedThisStep) checkOrder(w);
    grantedThisStep = [];
  }
  // Drain: keep releasing until every waiter was served or aborted.
  for (let round = 0; round < waiters.length + 5; round++) {
    await tick();
    for (const w of waiters) if (w.state === 'held') release(w);
  }
  await tick();
  expect(violations).toEqual([]);
  expect(waiters.filter((w) => w.state === 'pending')).toEqual([]);
  expect(inUse).toBe(0);
  expect(subject.idle()).toBe(true);
  for (const w of waiters)
    if (w.state === 'aborted') expect(w.controller?.signal.aborted || w.scope?.cancelled).toBe(true);
}

describe('token primitives under random schedules', () => {
  for (const [name, make] of Object.entries(subjects)) {
    it(`${name}: capacity respected, order kept, every waiter served or aborted`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 4 }),
          fc.array(op, { maxLength: 40, size: 'medium' }),
          async (capacity, ops) => {
            await runSchedule(make(capacity), ops);
            expect(unhandled).toEqual([]);
          },
        ),
        { numRuns: 500 },
      );
    });
  }
});
