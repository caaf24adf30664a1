// Overlapping calls of one process on one limit share a script run, and each gets the decision it would
// have had alone: against a real Redis, for every algorithm, and around a recorded send for the lanes.
import type { RateLimitAlgorithm, RateLimitDecision } from 'anysync/rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitBatcher, MAX_BATCH } from '../../src/limits/limit-batcher.js';
import type { LimitScript } from '../../src/limits/limit-script.js';
import { gcraLimit } from '../../src/limits/gcra-limit.js';
import { type RedisClient, RedisRateLimitStore } from '../../src/index.js';
import { connect, type TestClient } from '../support/clients.js';
import { RedisServer, redisMissing } from '../support/redis-server.js';

const ALGORITHMS: readonly RateLimitAlgorithm[] = ['sliding-log', 'sliding-counter', 'gcra'];

/** A client that counts the script runs it sends. */
function counting(adapter: RedisClient): { client: RedisClient; runs: () => number } {
  let runs = 0;
  const client: RedisClient = Object.create(adapter);
  client.evalSha = (...args) => {
    runs++;
    return adapter.evalSha(...args);
  };
  client.eval = (...args) => {
    runs++;
    return adapter.eval(...args);
  };
  return { client, runs: () => runs };
}

describe('LimitBatcher lanes', () => {
  it('sends a lone call at once, with a count of one', async () => {
    const sent: string[][] = [];
    const batcher = new LimitBatcher(async (_limit, _keys, args) => {
      sent.push([...args]);
      return 7;
    }, 60_000);
    expect(await batcher.call(gcraLimit, ['k'], ['a'])).toBe(7);
    expect(sent).toEqual([['a', '1']]);
  });

  it('keeps calls with other keys or arguments out of a batch, and each waiter gets its own reply', async () => {
    const sent: string[][] = [];
    const batcher = new LimitBatcher(async (_limit, keys, args) => {
      sent.push([...keys, ...args]);
      const count = Number(args.at(-1));
      return Array.from({ length: count }, (_, i) => i + 1);
    }, 60_000);
    const first = [batcher.call(gcraLimit, ['k'], ['a']), batcher.call(gcraLimit, ['j'], ['a'])];
    const rest = [
      batcher.call(gcraLimit, ['k'], ['a']),
      batcher.call(gcraLimit, ['k'], ['b']),
      batcher.call(gcraLimit, ['k'], ['a']),
    ];
    expect(await Promise.all(first)).toEqual([1, 1]);
    expect(await Promise.all(rest)).toEqual([1, 1, 2]);
    expect(sent).toEqual([
      ['k', 'a', '1'],
      ['j', 'a', '1'],
      ['k', 'b', '1'],
      ['k', 'a', '2'],
    ]);
  });

  it('fails every waiter of a failed run, and the lane is used again afterwards', async () => {
    let fail = true;
    const batcher = new LimitBatcher(async (_limit, _keys, args) => {
      if (fail) throw new Error('down');
      return Number(args.at(-1)) === 1 ? 1 : [1, 2];
    }, 60_000);
    const calls = [batcher.call(gcraLimit, ['k'], []), batcher.call(gcraLimit, ['k'], [])];
    const third = batcher.call(gcraLimit, ['k'], []);
    await expect(calls[0]).rejects.toThrow('down');
    await expect(calls[1]).rejects.toThrow('down');
    await expect(third).rejects.toThrow('down');
    fail = false;
    expect(await batcher.call(gcraLimit, ['k'], [])).toBe(1);
  });

  it('fails the waiters of a reply of the wrong shape', async () => {
    const batcher = new LimitBatcher(async () => [1, 2, 3, 4, 5, 6], 60_000);
    const calls = [batcher.call(gcraLimit, ['k'], []), batcher.call(gcraLimit, ['k'], [])];
    await expect(calls[0]).rejects.toThrow(/unexpected reply/);
    await expect(calls[1]).rejects.toThrow(/unexpected reply/);
  });

  it('a run unanswered for the stale time gathers no more calls: the next one goes at once', async () => {
    const sent: string[] = [];
    let hang = true;
    const batcher = new LimitBatcher((_limit, _keys, args) => {
      sent.push(args.join(' '));
      return hang ? new Promise(() => {}) : Promise.resolve(1);
    }, 20);
    const lost = batcher.call(gcraLimit, ['k'], ['a']);
    const queued = batcher.call(gcraLimit, ['k'], ['a']);
    await new Promise((resolve) => setTimeout(resolve, 40));
    hang = false;
    expect(await batcher.call(gcraLimit, ['k'], ['a'])).toBe(1);
    // The call queued behind the lost run is dropped, not sent after its caller gave up.
    await expect(queued).rejects.toThrow(/got no answer/);
    expect(sent).toEqual(['a 1', 'a 1']);
    void lost;
  });

  it(`splits a long queue into runs of at most ${MAX_BATCH}`, async () => {
    const counts: number[] = [];
    const limit: LimitScript = { ...gcraLimit, split: (reply, count) => Array(count).fill(reply) };
    const batcher = new LimitBatcher(async (_limit, _keys, args) => {
      counts.push(Number(args.at(-1)));
      return 0;
    }, 60_000);
    await Promise.all(Array.from({ length: 600 }, () => batcher.call(limit, ['k'], [])));
    expect(counts).toEqual([1, MAX_BATCH, MAX_BATCH, 600 - 1 - 2 * MAX_BATCH]);
  });
});

let server: RedisServer | undefined;
let test: TestClient | undefined;

describe.skipIf(redisMissing)(
  `overlapping consumes on Redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`,
  () => {
    beforeAll(async () => {
      server = await RedisServer.start();
      test = await connect('node-redis', server.port);
    });
    afterAll(async () => {
      await test?.close();
      await server?.stop();
    });

    for (const algorithm of ALGORITHMS) {
      it(`${algorithm}: 300 calls at once admit exactly the first 100, each told what it would be alone`, async () => {
        const { client, runs } = counting((test as TestClient).adapter);
        const store = new RedisRateLimitStore({ client, prefix: `batch-${algorithm}` });
        const request = Object.freeze({ algorithm, limit: 100, interval: 60_000, weight: 1 });
        // Loads the script, so that no run below is an EVALSHA answered NOSCRIPT.
        await store.consume('warm-up', request);
        const before = runs();
        const decisions = await Promise.all(Array.from({ length: 300 }, () => store.consume('hot', request)));
        expect(runs() - before).toBe(1 + Math.ceil(299 / MAX_BATCH));
        expect(decisions.map((d) => d.admitted)).toEqual(Array.from({ length: 300 }, (_, i) => i < 100));
        const remaining = decisions.slice(0, 100).map((d: RateLimitDecision) => Math.round(d.remaining));
        expect(remaining).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));
        for (const refused of decisions.slice(100)) {
          expect(refused.retryAfterMs).toBeGreaterThan(0);
          expect(refused.remaining).toBeLessThan(1);
        }
        // The next call, alone, sees the batch's admissions.
        expect((await store.consume('hot', request)).admitted).toBe(false);
      });
    }

    it('sliding-log: a refusal after admissions in the same run finds when the log frees enough', async () => {
      const store = new RedisRateLimitStore({ client: (test as TestClient).adapter, prefix: 'batch-scan' });
      const base = { algorithm: 'sliding-log', limit: 5, interval: 60_000 } as const;
      expect((await store.consume('a', { ...base, weight: 1 })).admitted).toBe(true);
      const heavy = Object.freeze({ ...base, weight: 3 });
      const [first, second, third] = await Promise.all([
        store.consume('a', heavy),
        store.consume('a', heavy),
        store.consume('a', heavy),
      ]);
      expect(first?.admitted).toBe(true);
      // 1 + 3 in the log: the weight-1 entry leaving frees too little, only the weight-3 one (admitted
      // in this run, an interval from now) frees enough.
      for (const refused of [second, third]) {
        expect(refused?.admitted).toBe(false);
        expect(refused?.retryAfterMs).toBeGreaterThan(59_000);
        expect(refused?.retryAfterMs).toBeLessThanOrEqual(60_000);
      }
    });

    it('gcra with reportTime: every call of a run is told the run time', async () => {
      const store = new RedisRateLimitStore({
        client: (test as TestClient).adapter,
        prefix: 'batch-time',
        reportTime: true,
      });
      const request = Object.freeze({ algorithm: 'gcra', limit: 3, interval: 60_000, weight: 1 } as const);
      const before = Date.now();
      const decisions = await Promise.all(Array.from({ length: 5 }, () => store.consume('t', request)));
      expect(decisions.map((d) => d.admitted)).toEqual([true, true, true, false, false]);
      for (const decision of decisions) {
        expect(Math.abs((decision.at ?? 0) - before)).toBeLessThan(5_000);
      }
    });
  },
);
