// The proofs across real processes (4 child processes on the built packages, one real redis-server):
// limits never exceeded in any window, one computation for 1,000 concurrent misses (at most two when the
// computing process is killed), a semaphore never over its permits and FIFO, and a ±5 s clock skew between
// processes that changes no result.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  GcraState,
  SlidingCounterState,
  SlidingLogState,
  type LimitState,
} from '../../anysync/src/rate-limit/limit-states.js';
import { RedisServer, redisMissing } from './support/redis-server.js';
import { collect, runTogether, startWorker } from './support/workers.js';

let server: RedisServer | undefined;
// Four Node processes starting on a shared 2-core machine take a few seconds on their own.
vi.setConfig({ testTimeout: 60_000 });
const port = () => (server as RedisServer).port;
/** Process i's clock skew: two processes at +5 s and -5 s, two on time. */
const SKEWS = [5000, -5000, 0, 0];
const MODELS: Record<string, new () => LimitState> = {
  'sliding-log': SlidingLogState,
  'sliding-counter': SlidingCounterState,
  gcra: GcraState,
};

describe.skipIf(redisMissing)(`across processes${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(['sliding-log', 'sliding-counter', 'gcra'])(
    '%s: 4 processes x 250 callers (two of them 5 s off) never get more than the limit in any window',
    async (algorithm) => {
      const limiter = { limit: 100, interval: 300, name: `rate-${algorithm}`, algorithm };
      const workers = SKEWS.map((skew) =>
        startWorker('rate', port(), { prefix: 'proof', limiter, callers: 250 }, skew),
      );
      await runTogether(workers);
      for (const run of workers) expect(run.events.at(-1), run.stderr()).toEqual({ done: true });
      const times = collect<number>(workers, 'admitted').sort((a, b) => a - b);
      expect(times).toHaveLength(1000);
      // Replayed in the store's time order through the algorithm's model, every admission must fit.
      const model = new (MODELS[algorithm] as new () => LimitState)();
      const refused = times.filter(
        (at) => !model.decide(at, { ...limiter, algorithm: algorithm as never, weight: 1 }).admitted,
      );
      expect(refused).toEqual([]);
      if (algorithm === 'sliding-log') {
        // The sliding-log promise, checked directly: at most `limit` in every window (t - interval, t].
        let most = 0;
        for (let end = 0, start = 0; end < times.length; end++) {
          while ((times[start] as number) <= (times[end] as number) - limiter.interval) start++;
          most = Math.max(most, end - start + 1);
        }
        expect(most).toBe(limiter.limit); // reached, never passed
      }
      console.log(
        `${algorithm}: 1000 admissions over ${((times.at(-1) as number) - (times[0] as number)).toFixed(0)} ms of server time`,
      );
    },
  );

  it('1,000 concurrent misses across 4 processes (two of them 5 s off) run the function exactly once', async () => {
    const config = { prefix: 'proof-memo', callers: 250, workMs: 300, leaseMs: 1000 };
    const workers = SKEWS.map((skew) => startWorker('memo', port(), config, skew));
    await runTogether(workers);
    expect(collect<number>(workers, 'computing')).toEqual([1]);
    const results = collect<string[]>(workers, 'distinct');
    expect(results).toHaveLength(4);
    expect(new Set(results.flat()).size).toBe(1);
    expect(collect<number>(workers, 'results')).toEqual([250, 250, 250, 250]);
  });

  it('with the computing process killed mid-flight, the others take over: at most two runs, every survivor served', async () => {
    const config = { prefix: 'proof-kill', callers: 250, workMs: 1500, leaseMs: 600 };
    const workers = SKEWS.map((skew) => startWorker('memo', port(), config, skew));
    let killed = false;
    await runTogether(workers, (run) => {
      if (!killed && run.events.some((event) => event.computing === 1)) {
        killed = true;
        run.child.kill('SIGKILL');
      }
    });
    expect(killed).toBe(true);
    const runs = collect<number>(workers, 'computing');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(2);
    const survivors = workers.filter((run) => run.child.signalCode === null);
    expect(survivors).toHaveLength(3);
    expect(collect<number>(survivors, 'results')).toEqual([250, 250, 250]);
    expect(new Set(collect<string[]>(survivors, 'distinct').flat()).size).toBe(1);
  });

  it('a semaphore of 10 with 100 contenders in 4 processes (two 5 s off): never more than 10 inside, served in arrival order', async () => {
    const config = { prefix: 'proof-sem', callers: 25, permits: 10, holdMs: 20, leaseMs: 3000 };
    const workers = SKEWS.map((skew) => startWorker('semaphore', port(), config, skew));
    await runTogether(workers);
    for (const run of workers) expect(run.events.at(-1), run.stderr()).toEqual({ done: true });
    const inside = collect<number>(workers, 'inside');
    expect(inside).toHaveLength(100);
    expect(Math.max(...inside)).toBeLessThanOrEqual(10);
    expect(Math.max(...inside)).toBe(10); // the test would not notice a limit it never reached
    const grants = workers
      .flatMap(
        (run) => run.events.filter((event) => 'ticket' in event) as { ticket: number; fence: number }[],
      )
      .sort((a, b) => a.ticket - b.ticket);
    const fences = grants.map((grant) => grant.fence);
    expect(fences).toEqual([...fences].sort((a, b) => a - b)); // granted in the order they arrived
    expect(new Set(fences).size).toBe(100);
  });

  it('a Retry-After date set by a process 5 s fast holds a process 5 s slow until that date, on the server clock', async () => {
    const closer = startWorker('lockout', port(), { prefix: 'proof-gate', close: true }, 5000);
    const waiter = startWorker('lockout', port(), { prefix: 'proof-gate', close: false }, -5000);
    await runTogether([closer, waiter]);
    const [applied] = collect<number>([closer], 'applied');
    const [untilTrueMs] = collect<number>([closer], 'untilTrueMs') as [number];
    expect(applied).toBeGreaterThan(2000); // read against the server's clock, not the closer's (+5 s)
    expect(applied).toBeLessThanOrEqual(4000);
    const [passed] = collect<number>([waiter], 'passedAtTrueMs');
    expect(passed).toBeGreaterThanOrEqual(untilTrueMs - 50);
    console.log(
      `lockout: the slow process passed ${((passed as number) - untilTrueMs).toFixed(0)} ms after the date`,
    );
  });
});
