// Random trees of tasks: sleeps, failures, nested task groups, timeouts, group cancellations, semaphore
// waits and tasks that swallow their cancellation. Driven by an autojumping virtual clock. Checked: the
// top-level group always settles; no task outlives its group; every failure thrown anywhere is reported
// exactly once in the final error tree; no timer is left behind; no rejection goes unhandled; a timeout
// scope never ends after its deadline.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentTime } from '../../src/concurrency/current-time.js';
import { isCancellation } from '../../src/concurrency/is-cancellation.js';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';
import { sleep } from '../../src/concurrency/sleep.js';
import type { TaskGroup } from '../../src/concurrency/task-group.js';
import { TaskGroupError } from '../../src/concurrency/task-group-error.js';
import { withTaskGroup } from '../../src/concurrency/with-task-group.js';
import { Semaphore } from '../../src/primitives/semaphore.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

type Action =
  | { readonly kind: 'sleep'; readonly ms: number }
  | { readonly kind: 'fail' }
  | { readonly kind: 'group'; readonly children: readonly Program[] }
  | { readonly kind: 'timeout'; readonly ms: number; readonly body: Program }
  | { readonly kind: 'cancel-group' }
  | { readonly kind: 'limited'; readonly ms: number }
  | { readonly kind: 'swallow'; readonly ms: number };
type Program = readonly Action[];

const { program } = fc.letrec<{ program: Program; action: Action }>((tie) => ({
  program: fc.array(tie('action'), { maxLength: 4 }),
  action: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 50 }) }),
    fc.constant({ kind: 'fail' as const }),
    fc.record({ kind: fc.constant('group' as const), children: fc.array(tie('program'), { maxLength: 3 }) }),
    fc.record({
      kind: fc.constant('timeout' as const),
      ms: fc.integer({ min: 0, max: 60 }),
      body: tie('program'),
    }),
    fc.constant({ kind: 'cancel-group' as const }),
    fc.record({ kind: fc.constant('limited' as const), ms: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ kind: fc.constant('swallow' as const), ms: fc.integer({ min: 0, max: 50 }) }),
  ),
}));

interface World {
  readonly thrown: Error[];
  readonly violations: string[];
  readonly semaphore: Semaphore;
  live: number;
  failures: number;
}

async function run(program: Program, world: World, group: TaskGroup | undefined): Promise<void> {
  for (const action of program) {
    switch (action.kind) {
      case 'sleep':
        await sleep(action.ms);
        break;
      case 'fail': {
        const error = new Error(`failure ${world.failures++}`);
        world.thrown.push(error);
        throw error;
      }
      case 'group': {
        let children = 0;
        await withTaskGroup((inner) => {
          for (const child of action.children) {
            inner.spawn(async () => {
              children++;
              world.live++;
              try {
                await run(child, world, inner);
              } finally {
                children--;
                world.live--;
              }
            });
          }
        }).finally(() => {
          if (children !== 0) world.violations.push(`${children} task(s) outlived their group`);
        });
        break;
      }
      case 'timeout': {
        const deadline = currentTime() + action.ms;
        await moveOnAfter(action.ms, () => run(action.body, world, group));
        if (currentTime() > deadline)
          world.violations.push(`timeout ended at ${currentTime()} > ${deadline}`);
        break;
      }
      case 'cancel-group':
        group?.cancel();
        break;
      case 'limited':
        await world.semaphore.run(() => sleep(action.ms));
        break;
      case 'swallow':
        // A misbehaving task: it ignores its cancellation and carries on.
        await sleep(action.ms).catch((error) => {
          if (!isCancellation(error)) throw error;
        });
        break;
    }
  }
}

function leaves(error: unknown): unknown[] {
  return error instanceof TaskGroupError ? error.errors.flatMap(leaves) : [error];
}

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
  clock = new VirtualClock({ autojump: true });
  installed = clock.install();
});
afterEach(() => {
  installed[Symbol.dispose]();
  process.off('unhandledRejection', onUnhandled);
});

describe('TaskGroup under random task trees', () => {
  it('settles, reports every failure once, and leaks no task, timer or rejection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(program, { minLength: 1, maxLength: 4 }), async (roots) => {
        const world: World = {
          thrown: [],
          violations: [],
          semaphore: new Semaphore(2),
          live: 0,
          failures: 0,
        };
        const outcome = await run([{ kind: 'group', children: roots }], world, undefined).then(
          () => undefined,
          (error: unknown) => error,
        );
        await clock.settle();
        expect(world.violations).toEqual([]);
        expect(world.live).toBe(0);
        expect(clock.pendingTimers).toBe(0);
        expect(world.semaphore.stats()).toEqual({ value: 2, maxValue: 2, waiting: 0 });
        expect(unhandled).toEqual([]);
        const reported = outcome === undefined ? [] : leaves(outcome);
        expect(new Set(reported)).toEqual(new Set(world.thrown));
        expect(reported).toHaveLength(world.thrown.length);
      }),
      { numRuns: 300 },
    );
  });
});
