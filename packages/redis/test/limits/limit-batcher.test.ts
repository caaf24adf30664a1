// Overlapping calls of one process on one limit share a script run, and each gets the decision it would
// have had alone: against a real Redis, for every algorithm, and around a recorded send for the lanes.
import type { RateLimitAlgorithm, RateLimitDecision } from 'anysync/rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitBatcher, MAX_BATCH } from '../../src/limits/limit-batcher.js';
import type { LimitScript } from '../../src/limits/limit-script.js';
import { gcraLimit } from '../../src/limits/gcra-limit.js';
import { type RedisClient, RedisRateLimitStore, RedisStoreError } from '../../src/index.js';
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

/** A fake run's reply: for each group (one key, its arguments then its count), 1 to count. */
function groupReplies(keys: readonly string[], args: readonly string[]): unknown {
  const width = args.length / keys.length;
  const replies = keys.map((_, g) => {
    const count = Number(args[(g + 1) * width - 1]);
    return count === 1 ? 1 : Array.from({ length: count }, (_, i) => i + 1);
  });
  return keys.length === 1 ? replies[0] : replies;
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

  it('sends waiting calls with other arguments on the same first key as groups of one run', async () => {
    const sent: string[][] = [];
    const batcher = new LimitBatcher(async (_limit, keys, args) => {
      sent.push([...keys, ...args]);
      return groupReplies(keys, args);
    }, 60_000);
    const first = [batcher.call(gcraLimit, ['k'], ['a']), batcher.call(gcraLimit, ['j'], ['a'])];
    const rest = [
      batcher.call(gcraLimit, ['k'], ['a']),
      batcher.call(gcraLimit, ['k'], ['b']),
      batcher.call(gcraLimit, ['k'], ['a']),
      batcher.call(gcraLimit, ['j'], ['a']),
    ];
    expect(await Promise.all(first)).toEqual([1, 1]);
    expect(await Promise.all(rest)).toEqual([1, 1, 2, 1]);
    // Without crossSlot a run never touches two first keys (a cluster routes it by its first key).
    expect(sent).toEqual([
      ['k', 'a', '1'],
      ['j', 'a', '1'],
      ['k', 'k', 'a', '2', 'b', '1'],
      ['j', 'a', '1'],
    ]);
  });

  it('with crossSlot, waiting calls on any limits of one algorithm go in one run, in arrival order', async () => {
    const sent: string[][] = [];
    const batcher = new LimitBatcher(
      async (_limit, keys, args) => {
        sent.push([...keys, ...args]);
        return groupReplies(keys, args);
      },
      60_000,
      true,
    );
    const other: LimitScript = { ...gcraLimit, kind: 'other' };
    const calls = [
      batcher.call(gcraLimit, ['k'], ['a']),
      batcher.call(gcraLimit, ['j'], ['a']),
      batcher.call(other, ['x'], ['a']),
      batcher.call(gcraLimit, ['i'], ['b']),
      batcher.call(gcraLimit, ['j'], ['a']),
    ];
    expect(await Promise.all(calls)).toEqual([1, 1, 1, 1, 2]);
    expect(sent).toEqual([
      ['k', 'a', '1'],
      ['x', 'a', '1'],
      ['j', 'i', 'a', '2', 'b', '1'],
    ]);
  });

  it('fails only the group whose reply is an error; the other groups of the run get theirs', async () => {
    const batcher = new LimitBatcher(
      async (_limit, keys, args) => {
        if (keys.length === 1) return 1;
        return [new Error('WRONGTYPE j'), 1];
      },
      60_000,
      true,
    );
    const lone = batcher.call(gcraLimit, ['k'], ['a']);
    const broken = batcher.call(gcraLimit, ['j'], ['a']);
    const fine = batcher.call(gcraLimit, ['i'], ['a']);
    expect(await lone).toBe(1);
    await expect(broken).rejects.toThrow('WRONGTYPE j');
    expect(await fine).toBe(1);
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

  it('fails every group of a run whose reply does not hold one reply per group', async () => {
    const batcher = new LimitBatcher(async (_limit, keys) => (keys.length === 1 ? 1 : [1]), 60_000, true);
    const lone = batcher.call(gcraLimit, ['k'], ['a']);
    const calls = [batcher.call(gcraLimit, ['j'], ['a']), batcher.call(gcraLimit, ['i'], ['a'])];
    expect(await lone).toBe(1);
    await expect(calls[0]).rejects.toThrow(/unexpected reply/);
    await expect(calls[1]).rejects.toThrow(/unexpected reply/);
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

  it(`splits waiting groups of many limits into runs of at most ${MAX_BATCH} calls, the first first`, async () => {
    const runs: string[][] = [];
    const batcher = new LimitBatcher(
      async (_limit, keys, args) => {
        runs.push(keys.map((key, g) => `${key}x${args[2 * g + 1]}`));
        return groupReplies(keys, args);
      },
      60_000,
      true,
    );
    const keys = ['a', 'b', 'c'];
    const calls = Array.from({ length: 601 }, (_, i) =>
      batcher.call(gcraLimit, [keys[i % 3] as string], ['w']),
    );
    const replies = await Promise.all(calls);
    // Every call is told its place among the calls on its limit in its own run.
    expect(replies.slice(0, 7)).toEqual([1, 1, 1, 1, 2, 2, 2]);
    // A limit's waiting calls stay one group; a group that does not fit goes partly, the rest first next time.
    expect(runs).toEqual([['ax1'], ['bx200', 'cx56'], ['cx144', 'ax112'], ['ax88']]);
    expect(runs.flat().reduce((sum, run) => sum + Number(run.split('x')[1]), 0)).toBe(601);
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

    for (const kind of ['node-redis', 'ioredis'] as const) {
      for (const algorithm of ALGORITHMS) {
        it(`${kind}, ${algorithm}: 300 calls on 30 limits at once share runs, each limit deciding its own`, async () => {
          const other = await connect(kind, (server as RedisServer).port);
          try {
            expect(other.adapter.crossSlot).toBe(true);
            const { client, runs } = counting(other.adapter);
            const store = new RedisRateLimitStore({ client, prefix: `many-${kind}-${algorithm}` });
            const request = Object.freeze({ algorithm, limit: 4, interval: 60_000, weight: 1 });
            await store.consume('warm-up', request);
            const before = runs();
            const names = Array.from({ length: 300 }, (_, i) => `limit-${i % 30}`);
            const decisions = await Promise.all(names.map((name) => store.consume(name, request)));
            expect(runs() - before).toBe(1 + Math.ceil(299 / MAX_BATCH));
            // The nth call on a limit is admitted while n <= 4, and told what is left after it.
            expect(decisions.map((d) => d.admitted)).toEqual(names.map((_, i) => i < 120));
            const remaining = decisions.slice(0, 120).map((d: RateLimitDecision) => Math.round(d.remaining));
            expect(remaining).toEqual(names.slice(0, 120).map((_, i) => 3 - Math.floor(i / 30)));
            for (const name of ['limit-0', 'limit-29']) {
              expect((await store.consume(name, request)).admitted).toBe(false);
            }
            expect((await store.consume('limit-30', request)).remaining).toBeCloseTo(3, 5);
          } finally {
            await other.close();
          }
        });
      }
    }

    it('a limit whose key holds another type fails alone; the other limits in its run are decided', async () => {
      const adapter = (test as TestClient).adapter;
      await (test as TestClient).command('HSET', 'typed:{rate-gcra:broken}', 'field', '1');
      await (test as TestClient).command('SET', 'typed:{rate-log:broken}:sum', 'text');
      await (test as TestClient).command('SET', 'typed:{rate-counter:broken}', 'text');
      const store = new RedisRateLimitStore({ client: adapter, prefix: 'typed', onFailure: 'fail-open' });
      for (const algorithm of ALGORITHMS) {
        const request = Object.freeze({ algorithm, limit: 1, interval: 60_000, weight: 1 });
        const lone = store.consume('first', request);
        const [before, broken, after] = await Promise.allSettled([
          store.consume('before', request),
          store.consume('broken', request),
          store.consume('after', request),
        ]);
        expect((await lone).admitted).toBe(true);
        expect(before).toMatchObject({ status: 'fulfilled', value: { admitted: true } });
        expect(after).toMatchObject({ status: 'fulfilled', value: { admitted: true } });
        expect(broken.status).toBe('rejected');
        const error = (broken as PromiseRejectedResult).reason;
        expect(error).toBeInstanceOf(RedisStoreError);
        expect(error.kind).toBe('reply');
        expect(error.message).toMatch(/WRONGTYPE/);
        expect((await store.consume('after', request)).admitted).toBe(false);
      }
    });

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
