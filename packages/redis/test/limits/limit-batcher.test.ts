// Overlapping calls of one process on one limit share a script run, and each gets the decision it would
// have had alone: against a real Redis, for every algorithm, and around a recorded send for the lanes.
import type { RateLimitAlgorithm, RateLimitDecision } from 'anysync/rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LimitBatcher,
  type LimitBatcherOptions,
  MAX_BATCH,
  type SendLimitCall,
} from '../../src/limits/limit-batcher.js';
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

/**
 * A fake run's groups, its arguments read as `limitGroups()` does (here every limit has one argument):
 * one group's argument then its count, or for each group its count then its argument, or its count
 * negated for the previous group's argument.
 */
function runGroups(keys: readonly string[], args: readonly string[]): Array<{ arg: string; count: number }> {
  if (keys.length === 1) return [{ arg: args[0] as string, count: Number(args[1]) }];
  const groups: Array<{ arg: string; count: number }> = [];
  for (let i = 0; i < args.length; ) {
    const count = Number(args[i]);
    if (count > 0) {
      groups.push({ arg: args[i + 1] as string, count });
      i += 2;
    } else {
      groups.push({ arg: groups.at(-1)?.arg as string, count: -count });
      i += 1;
    }
  }
  expect(groups.length).toBe(keys.length);
  return groups;
}

/** A fake run's reply: for each group, 1 to its count. */
function groupReplies(keys: readonly string[], args: readonly string[]): unknown {
  const replies = runGroups(keys, args).map(({ count }) =>
    count === 1 ? 1 : Array.from({ length: count }, (_, i) => i + 1),
  );
  return keys.length === 1 ? replies[0] : replies;
}

/** A limit whose decision is its reply as is, to see which reply each call got. */
const echo: LimitScript = { ...gcraLimit, decision: (reply) => reply as never };
const other: LimitScript = { ...echo, kind: 'other' };
const REQUEST = Object.freeze({ algorithm: 'gcra', limit: 1, interval: 1, weight: 1 } as const);
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A Redis that holds every run until told to answer: what was sent, and each run's answer. */
class FakeRedis {
  readonly sent: string[][] = [];
  readonly runs: Array<{ keys: readonly string[]; args: readonly string[] }> = [];
  readonly #pending: Array<() => void> = [];

  constructor(readonly reply: (keys: readonly string[], args: readonly string[]) => unknown = groupReplies) {}

  readonly send: SendLimitCall = (_limit, keys, args) => {
    this.sent.push([...keys, ...args]);
    this.runs.push({ keys, args });
    return new Promise((resolve, reject) =>
      this.#pending.push(() => {
        try {
          resolve(this.reply(keys, args));
        } catch (error) {
          reject(error);
        }
      }),
    );
  };

  /** Answers the oldest run still unanswered. */
  answer(): void {
    this.#pending.shift()?.();
  }

  /** Answers every run, including those sent meanwhile, until none is left. */
  async answerAll(): Promise<void> {
    for (;;) {
      await turn();
      if (this.#pending.length === 0) return;
      while (this.#pending.length > 0) this.answer();
    }
  }
}

function batcher(redis: FakeRedis, options: Partial<LimitBatcherOptions> = {}): LimitBatcher {
  return new LimitBatcher({
    send: redis.send,
    timeoutMs: 60_000,
    onFailure: (cause) => {
      throw cause;
    },
    ...options,
  });
}

/** `batcher.call()` with the test's request. */
function consume(on: LimitBatcher, limit: LimitScript, key: string, args: string[] = ['a']) {
  return on.call(limit, key, [key], args, REQUEST) as Promise<unknown>;
}

describe('LimitBatcher', () => {
  it('sends a lone call at the end of its turn, with a count of one', async () => {
    const redis = new FakeRedis();
    const call = consume(batcher(redis), echo, 'k');
    expect(redis.sent).toEqual([]);
    await turn();
    expect(redis.sent).toEqual([['k', 'a', '1']]);
    redis.answer();
    expect(await call).toBe(1);
  });

  it('splits calls of one turn into two runs when none is on its way, the second a turn later', async () => {
    const redis = new FakeRedis();
    const on = batcher(redis);
    const calls = Array.from({ length: 5 }, () => consume(on, echo, 'k'));
    await turn();
    expect(redis.sent).toEqual([['k', 'a', '3']]);
    await turn();
    expect(redis.sent).toEqual([
      ['k', 'a', '3'],
      ['k', 'a', '2'],
    ]);
    await redis.answerAll();
    expect(await Promise.all(calls)).toEqual([1, 2, 3, 1, 2]);
  });

  it('while two runs are on their way, later calls wait; on one first key they go as groups of one run', async () => {
    const redis = new FakeRedis();
    const on = batcher(redis);
    const first = [consume(on, echo, 'k')];
    await turn();
    first.push(consume(on, echo, 'k'));
    await turn();
    const rest = [
      consume(on, echo, 'k'),
      consume(on, echo, 'k', ['b']),
      consume(on, echo, 'k'),
      consume(on, echo, 'j'),
    ];
    await turn();
    // Without crossSlot a run never holds two first keys (a cluster routes it by its first key).
    expect(redis.sent).toEqual([
      ['k', 'a', '1'],
      ['k', 'a', '1'],
      ['j', 'a', '1'],
    ]);
    redis.answer();
    await turn();
    expect(redis.sent.at(-1)).toEqual(['k', 'k', '2', 'a', '1', 'b']);
    await redis.answerAll();
    expect(await Promise.all([...first, ...rest])).toEqual([1, 1, 1, 1, 2, 1]);
  });

  it('with crossSlot, waiting calls on any limits of one algorithm go in one run, in arrival order', async () => {
    const redis = new FakeRedis();
    const on = batcher(redis, { crossSlot: true });
    const first = [consume(on, echo, 'k')];
    await turn();
    first.push(consume(on, echo, 'j'));
    await turn();
    const rest = [
      consume(on, echo, 'i', ['b']),
      consume(on, echo, 'j'),
      consume(on, other, 'x'),
      consume(on, echo, 'j'),
    ];
    await turn();
    redis.answer();
    await turn();
    expect(redis.sent).toEqual([
      ['k', 'a', '1'],
      ['j', 'a', '1'],
      ['x', 'a', '1'],
      ['i', 'j', '1', 'b', '2', 'a'],
    ]);
    await redis.answerAll();
    expect(await Promise.all([...first, ...rest])).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('fails only the group whose reply is an error; the other groups of the run get theirs', async () => {
    const redis = new FakeRedis((keys, args) =>
      keys.length === 1 ? groupReplies(keys, args) : [new Error('WRONGTYPE j'), 1],
    );
    const on = batcher(redis, { crossSlot: true });
    const calls = [
      consume(on, echo, 'k'),
      consume(on, echo, 'l'),
      consume(on, echo, 'j'),
      consume(on, echo, 'i'),
    ];
    const outcomes = Promise.allSettled(calls);
    await redis.answerAll();
    expect(redis.sent).toEqual([
      ['k', 'l', '1', 'a', '-1'],
      ['j', 'i', '1', 'a', '-1'],
    ]);
    const settled = await outcomes;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe('WRONGTYPE j');
  });

  it('fails every group of a run whose reply does not hold one reply per group', async () => {
    const redis = new FakeRedis(() => [1]);
    const on = batcher(redis, { crossSlot: true });
    const calls = [
      consume(on, echo, 'k'),
      consume(on, echo, 'j'),
      consume(on, echo, 'i'),
      consume(on, echo, 'h'),
    ];
    const outcomes = calls.map((call) =>
      call.then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    await redis.answerAll();
    for (const outcome of await Promise.all(outcomes)) expect(outcome).toMatch(/unexpected reply/);
  });

  it('fails every call of a failed run, answers each by the failure policy, and uses the route again', async () => {
    let fail = true;
    const redis = new FakeRedis((keys, args) => {
      if (fail) throw new Error('down');
      return groupReplies(keys, args);
    });
    const causes: unknown[] = [];
    const on = batcher(redis, {
      onFailure: (cause, name, request) => {
        causes.push(cause);
        return { admitted: name === 'k' && request === REQUEST, remaining: 0, resetMs: 0, retryAfterMs: 0 };
      },
    });
    const calls = [consume(on, gcraLimit, 'k'), consume(on, gcraLimit, 'k'), consume(on, gcraLimit, 'k')];
    await redis.answerAll();
    expect((await Promise.all(calls)).map((d) => (d as RateLimitDecision).admitted)).toEqual([
      true,
      true,
      true,
    ]);
    expect(causes.map((cause) => (cause as Error).message)).toEqual(['down', 'down', 'down']);
    fail = false;
    const again = consume(on, echo, 'k');
    await redis.answerAll();
    expect(await again).toBe(1);
  });

  it('a call gets no answer in time: the policy answers it at its timeout, and a late reply is ignored', async () => {
    const redis = new FakeRedis();
    const on = batcher(redis, { timeoutMs: 20 });
    const call = consume(on, echo, 'k');
    await expect(call).rejects.toThrow(/no answer within 20 ms/);
    await redis.answerAll();
    await expect(call).rejects.toThrow(/no answer within 20 ms/);
  });

  it('calls queued behind runs lost for a whole timeout are never sent; the next call starts afresh', async () => {
    const redis = new FakeRedis();
    const on = batcher(redis, { timeoutMs: 20 });
    const lost = [consume(on, echo, 'k')];
    await turn();
    lost.push(consume(on, echo, 'k'));
    await turn();
    const queued = consume(on, echo, 'k');
    for (const call of [...lost, queued]) await expect(call).rejects.toThrow(/no answer within 20 ms/);
    const next = consume(on, echo, 'k');
    await turn();
    expect(redis.sent).toEqual([
      ['k', 'a', '1'],
      ['k', 'a', '1'],
      ['k', 'a', '1'],
    ]);
    redis.answer();
    redis.answer();
    redis.answer();
    expect(await next).toBe(1);
  });

  it(`never sends more than ${MAX_BATCH} calls in one run, on one limit or on many`, async () => {
    for (const keys of [['k'], ['a', 'b', 'c']]) {
      const redis = new FakeRedis();
      const on = batcher(redis, { crossSlot: true });
      const calls = Array.from({ length: 601 }, (_, i) => consume(on, echo, keys[i % keys.length] as string));
      await redis.answerAll();
      const counts = redis.runs.map(({ keys, args }) =>
        runGroups(keys, args).reduce((sum, { count }) => sum + count, 0),
      );
      for (const count of counts) expect(count).toBeLessThanOrEqual(MAX_BATCH);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(601);
      // Each call is told its place among the calls on its limit in its run.
      const replies = (await Promise.all(calls)) as unknown[];
      expect(replies.every((reply) => typeof reply === 'number' && reply >= 1)).toBe(true);
    }
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
        // Calls of one turn: half goes at its end, half a turn later.
        expect(runs() - before).toBe(2);
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
            expect(runs() - before).toBe(2); // half at the end of the turn, half a turn later
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

    for (const algorithm of ALGORITHMS) {
      it(`${algorithm}: a run mixing limits, settings and weights decides as calls made one by one`, async () => {
        const adapter = (test as TestClient).adapter;
        const batched = new RedisRateLimitStore({ client: adapter, prefix: `mixed-${algorithm}` });
        const alone = new RedisRateLimitStore({ client: adapter, prefix: `alone-${algorithm}` });
        const settings = [
          { limit: 3, interval: 60_000, weight: 1 },
          { limit: 5, interval: 60_000, weight: 2 },
          { limit: 5, interval: 30_000, weight: 1 },
          { limit: 2, interval: 60_000, weight: 1, peek: true },
        ];
        const calls = Array.from({ length: 60 }, (_, i) => ({
          name: `n${i % 4}`,
          request: Object.freeze({ algorithm, ...(settings[(i * 7) % 4] as (typeof settings)[0]) }),
        }));
        const together = await Promise.all(calls.map(({ name, request }) => batched.consume(name, request)));
        const oneByOne: RateLimitDecision[] = [];
        for (const { name, request } of calls) oneByOne.push(await alone.consume(name, request));
        const view = (d: RateLimitDecision) => [d.admitted, Math.round(d.remaining)];
        expect(together.map(view)).toEqual(oneByOne.map(view));
        expect(together.some((d) => d.admitted) && together.some((d) => !d.admitted)).toBe(true);
      });
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
