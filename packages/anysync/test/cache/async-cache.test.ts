import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsyncCache } from '../../src/cache/async-cache.js';
import type { ComputeContext } from '../../src/cache/flight.js';
import { CancelledError } from '../../src/concurrency/cancelled-error.js';
import { currentSignal } from '../../src/concurrency/current-scope.js';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';
import { sleep } from '../../src/concurrency/sleep.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => {
  installed[Symbol.dispose]();
});

/** A computation that takes `ms` of virtual time and records how often it ran. */
function slow(ms: number, value: string) {
  const runs: ComputeContext<string>[] = [];
  const compute = async (context: ComputeContext<string>) => {
    runs.push(context);
    await sleep(ms, { signal: context.signal });
    return `${value}:${context.key}`;
  };
  return { runs, compute };
}

describe('AsyncCache', () => {
  it('shares one computation between concurrent calls for the same key', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(100, 'v');
    const calls = [cache.get('k', compute), cache.get('k', compute), cache.get('other', compute)];
    await clock.advance(100);
    expect(await Promise.all(calls)).toEqual(['v:k', 'v:k', 'v:other']);
    expect(runs).toHaveLength(2);
    expect(await cache.get('k', compute)).toBe('v:k');
    expect(cache.stats()).toEqual({ size: 2, inFlight: 0, hits: 1, misses: 2, joins: 1, abandoned: 0 });
  });

  it('counts the time to live from settlement, not from the call', async () => {
    const cache = new AsyncCache<string, string>({ ttl: 100 });
    const { runs, compute } = slow(500, 'v');
    const first = cache.get('k', compute);
    await clock.advance(500);
    await first;
    await clock.advance(99);
    expect(cache.peek('k')).toBe('v:k');
    await cache.get('k', compute);
    expect(runs).toHaveLength(1);
    await clock.advance(1);
    expect(cache.peek('k')).toBeUndefined();
    void cache.get('k', compute);
    expect(runs).toHaveLength(2);
    await clock.runAll();
  });

  it('keeps at most max results, dropping the least recently used', async () => {
    const cache = new AsyncCache<number, number>({ max: 2 });
    for (const key of [1, 2, 1, 3]) await cache.get(key, ({ key }) => key * 10);
    expect([cache.peek(1), cache.peek(2), cache.peek(3)]).toEqual([10, undefined, 30]);
  });

  it('evicts a failure by default: waiters get the error, the next call retries', async () => {
    const cache = new AsyncCache<string, string>();
    let attempt = 0;
    const flaky = async () => {
      attempt++;
      await sleep(10);
      if (attempt === 1) throw new Error('boom');
      return 'ok';
    };
    const both = [cache.get('k', flaky), cache.get('k', flaky)];
    await clock.advance(10);
    for (const call of both) await expect(call).rejects.toThrow('boom');
    const retry = cache.get('k', flaky);
    await clock.advance(10);
    expect(await retry).toBe('ok');
    expect(attempt).toBe(2);
  });

  it("with errors: 'keep', caches a failure for the time to live", async () => {
    const cache = new AsyncCache<string, string>({ errors: 'keep', ttl: 50 });
    let attempt = 0;
    const failing = async () => {
      attempt++;
      throw new Error(`fail ${attempt}`);
    };
    await expect(cache.get('k', failing)).rejects.toThrow('fail 1');
    await expect(cache.get('k', failing)).rejects.toThrow('fail 1');
    expect(cache.peek('k')).toBeUndefined(); // peek shows values only
    await clock.advance(50);
    await expect(cache.get('k', failing)).rejects.toThrow('fail 2');
  });

  it('turns a synchronous throw or a plain value into a settled promise', async () => {
    const cache = new AsyncCache<string, number>();
    await expect(
      cache.get('throws', () => {
        throw new TypeError('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await cache.get('plain', () => 7)).toBe(7);
  });

  it('lets one caller stop waiting without cancelling the work others wait for', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(100, 'v');
    const leaving = new AbortController();
    const left = cache.get('k', compute, { signal: leaving.signal });
    const stays = cache.get('k', compute, { signal: new AbortController().signal });
    await clock.advance(30);
    leaving.abort('changed my mind');
    await expect(left).rejects.toBe('changed my mind');
    expect(runs[0]?.signal.aborted).toBe(false);
    await clock.advance(70);
    expect(await stays).toBe('v:k');
    expect(cache.peek('k')).toBe('v:k');
  });

  it('cancels the work, and caches nothing, once every caller has left', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(100, 'v');
    const a = new AbortController();
    const b = new AbortController();
    const calls = [
      cache.get('k', compute, { signal: a.signal }),
      cache.get('k', compute, { signal: b.signal }),
    ];
    const outcomes = calls.map((call) => call.catch((error: unknown) => error));
    a.abort('a left');
    await clock.advance(10);
    expect(runs[0]?.signal.aborted).toBe(false);
    b.abort('b left');
    expect(await Promise.all(outcomes)).toEqual(['a left', 'b left']);
    const reason = runs[0]?.signal.reason as CancelledError;
    expect(reason).toBeInstanceOf(CancelledError);
    expect(reason.reason).toBe('every caller left');
    expect(cache.stats()).toMatchObject({ abandoned: 1, inFlight: 0, size: 0 });
    expect(clock.pendingTimers).toBe(0); // the abandoned work's sleep was cancelled
    // The next caller starts afresh instead of joining the cancelled work.
    const fresh = cache.get('k', compute);
    await clock.advance(100);
    expect(await fresh).toBe('v:k');
    expect(runs).toHaveLength(2);
  });

  it('never cancels work that a caller who cannot leave is waiting for', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(100, 'v');
    const controller = new AbortController();
    const leaving = cache.get('k', compute, { signal: controller.signal });
    const pinned = cache.get('k', compute); // no signal, no scope: it can never leave
    controller.abort('bye');
    await expect(leaving).rejects.toBe('bye');
    await clock.advance(100);
    expect(await pinned).toBe('v:k');
    expect(runs[0]?.signal.aborted).toBe(false);
    expect(cache.peek('k')).toBe('v:k');
  });

  it('lets a caller with a signal leave work started by a caller who cannot', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(100, 'v');
    const pinned = cache.get('k', compute); // started by a caller who can never leave
    const controller = new AbortController();
    const leaving = cache.get('k', compute, { signal: controller.signal });
    const inScope = moveOnAfter(50, () => cache.get('k', compute));
    controller.abort('bye');
    await expect(leaving).rejects.toBe('bye');
    await clock.advance(50);
    expect(await inScope).toBeUndefined(); // its scope moved on; the work did not stop
    await clock.advance(50);
    expect(await pinned).toBe('v:k');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.signal.aborted).toBe(false);
    expect(cache.peek('k')).toBe('v:k');
    expect(cache.stats()).toMatchObject({ misses: 1, joins: 2, abandoned: 0, inFlight: 0, size: 1 });
  });

  it('runs the work in its own ambient scope, shielded from the first caller’s scope', async () => {
    const cache = new AsyncCache<string, string>();
    let ambient: AbortSignal | undefined;
    const compute = async () => {
      ambient = currentSignal();
      await sleep(100); // no explicit signal: only the ambient flight scope can cancel it
      return 'done';
    };
    // Two callers in two scopes; the first one's deadline passes first.
    const first = moveOnAfter(20, () => cache.get('k', compute));
    const second = moveOnAfter(500, () => cache.get('k', compute));
    await clock.advance(20);
    expect(await first).toBeUndefined();
    expect(ambient?.aborted).toBe(false);
    await clock.advance(80);
    expect(await second).toBe('done');
  });

  it('cancels the ambient scope of the work when the only caller’s scope times out', async () => {
    const cache = new AsyncCache<string, string>();
    let cancelled: unknown;
    const compute = async () => {
      try {
        await sleep(1000);
        return 'late';
      } catch (error) {
        cancelled = error;
        throw error;
      }
    };
    const result = moveOnAfter(50, () => cache.get('k', compute));
    await clock.advance(50);
    expect(await result).toBeUndefined();
    expect(cancelled).toBeInstanceOf(CancelledError);
    expect(cache.stats()).toMatchObject({ abandoned: 1, size: 0 });
  });

  it('rejects at once, computing nothing, when the signal is already aborted', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(10, 'v');
    await expect(cache.get('k', compute, { signal: AbortSignal.abort('early') })).rejects.toBe('early');
    expect(runs).toHaveLength(0);
  });

  it('delete() forgets a running computation without stopping it for its callers', async () => {
    const cache = new AsyncCache<string, string>();
    const { runs, compute } = slow(100, 'v');
    const waiting = cache.get('k', compute);
    expect(cache.delete('k')).toBe(true);
    expect(cache.delete('k')).toBe(false);
    const second = cache.get('k', compute);
    await clock.advance(100);
    expect(await waiting).toBe('v:k');
    expect(await second).toBe('v:k');
    expect(runs).toHaveLength(2);
  });

  it('set() primes a value and wins over a computation running for the key', async () => {
    const cache = new AsyncCache<string, string>();
    const { compute } = slow(100, 'v');
    const running = cache.get('k', compute);
    cache.set('k', 'primed');
    await clock.advance(100);
    expect(await running).toBe('v:k');
    expect(await cache.get('k', compute)).toBe('primed');
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('with ttl: 0, only shares running work and keeps nothing', async () => {
    const cache = new AsyncCache<string, string>({ ttl: 0 });
    const { runs, compute } = slow(10, 'v');
    const both = [cache.get('k', compute), cache.get('k', compute)];
    await clock.advance(10);
    await Promise.all(both);
    const again = cache.get('k', compute);
    await clock.advance(10);
    await again;
    expect(runs).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it('explains invalid options', () => {
    expect(() => new AsyncCache({ max: 0 })).toThrow(
      new RangeError('AsyncCache: max must be an integer from 1 to 2^31 - 2, got 0'),
    );
    expect(() => new AsyncCache({ ttl: -1 })).toThrow(
      'AsyncCache: ttl must be a number of milliseconds >= 0 (or Infinity), got -1',
    );
    expect(() => new AsyncCache({ errors: 'sometimes' as 'keep' })).toThrow(
      new RangeError("AsyncCache: errors must be 'evict' or 'keep', got 'sometimes' (string)"),
    );
    expect(() => new AsyncCache({ mxa: 10 } as never)).toThrow(
      "AsyncCache: unknown option 'mxa' (did you mean 'max'?)",
    );
    expect(() => new AsyncCache().get('k', 'compute' as never)).toThrow(
      "AsyncCache.get(): compute must be a function, got 'compute' (string)",
    );
  });
});
