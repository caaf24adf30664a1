import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoize } from '../../src/cache/memoize.js';
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
afterEach(() => installed[Symbol.dispose]());

describe('memoize()', () => {
  it('starts the work at call time, even if nobody awaits it', () => {
    let runs = 0;
    const load = memoize(async (id: number) => {
      runs++;
      return id;
    });
    void load(1);
    expect(runs).toBe(1);
  });

  it('shares concurrent calls and caches results per argument list', async () => {
    let runs = 0;
    const add = memoize(async (a: number, b: number) => {
      runs++;
      await sleep(10);
      return a + b;
    });
    const calls = [add(1, 2), add(1, 2), add(2, 1)];
    await clock.advance(10);
    expect(await Promise.all(calls)).toEqual([3, 3, 3]);
    expect(runs).toBe(2);
    expect(await add(1, 2)).toBe(3);
    expect(add.cache.stats()).toMatchObject({ hits: 1, misses: 2, joins: 1 });
  });

  it('keys a call by all its arguments, however many', async () => {
    const seen: unknown[][] = [];
    const echo = memoize(async (...args: unknown[]) => {
      seen.push(args);
      return args.length;
    });
    expect(await Promise.all([echo('a'), echo('a'), echo(), echo('a', 'b'), echo('\u0000')])).toEqual([
      1, 1, 0, 2, 1,
    ]);
    expect(await echo('a')).toBe(1);
    expect(seen).toEqual([['a'], [], ['a', 'b'], ['\u0000']]);
    expect(echo.cache.stats()).toMatchObject({ hits: 1, misses: 4, joins: 1 });
    expect(echo.delete('a')).toBe(true);
    expect(echo.cache.peek('a')).toBeUndefined();
  });

  it('uses the key option, called with the arguments', async () => {
    let runs = 0;
    const get = memoize(
      async (url: string, _init?: { headers: string }) => {
        runs++;
        return url;
      },
      { key: (url) => url.toLowerCase() },
    );
    await get('HTTP://A', { headers: 'x' });
    await get('http://a');
    await get('Http://A');
    expect(runs).toBe(1);
  });

  it('keys methods by receiver', async () => {
    class Repo {
      runs = 0;
      constructor(readonly name: string) {}
      find = memoize(async function (this: Repo, id: number) {
        this.runs++;
        return `${this.name}#${id}`;
      });
    }
    const shared = memoize(async function (this: Repo, id: number) {
      return `${this.name}#${id}`;
    });
    const a = new Repo('a');
    const b = new Repo('b');
    expect(await shared.call(a, 1)).toBe('a#1');
    expect(await shared.call(b, 1)).toBe('b#1');
    expect(await a.find(1)).toBe('a#1');
  });

  it('follows ttl, max and errors', async () => {
    let runs = 0;
    const fail = memoize(
      async (n: number) => {
        runs++;
        throw new Error(`no ${n}`);
      },
      { errors: 'keep', max: 1, ttl: 100 },
    );
    await expect(fail(1)).rejects.toThrow('no 1');
    await expect(fail(1)).rejects.toThrow('no 1');
    await expect(fail(2)).rejects.toThrow('no 2'); // evicts 1
    await expect(fail(1)).rejects.toThrow('no 1');
    expect(runs).toBe(3);
    await clock.advance(100);
    await expect(fail(1)).rejects.toThrow('no 1');
    expect(runs).toBe(4);
  });

  it('withSignal() lets a caller leave; the work is cancelled once every caller has', async () => {
    let seen: AbortSignal | undefined;
    const load = memoize(async (id: number) => {
      seen = currentSignal();
      await sleep(100);
      return id;
    });
    const a = new AbortController();
    const b = new AbortController();
    const first = load
      .withSignal(a.signal)(1)
      .catch((error: unknown) => error);
    const second = load
      .withSignal(b.signal)(1)
      .catch((error: unknown) => error);
    a.abort('a');
    await clock.advance(10);
    expect(seen?.aborted).toBe(false);
    b.abort('b');
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(seen?.aborted).toBe(true);
    expect(load.cache.stats().abandoned).toBe(1);
  });

  it('a caller inside a cancel scope leaves when the scope is cancelled', async () => {
    const load = memoize(async () => {
      await sleep(1000);
      return 'late';
    });
    const result = moveOnAfter(10, () => load());
    await clock.advance(10);
    expect(await result).toBeUndefined();
    expect(clock.pendingTimers).toBe(0);
  });

  it('delete() forgets one argument list', async () => {
    let runs = 0;
    const square = memoize(async (n: number) => {
      runs++;
      return n * n;
    });
    await square(3);
    expect(square.delete(3)).toBe(true);
    await square(3);
    expect(runs).toBe(2);
  });

  it('explains bad arguments', () => {
    expect(() => memoize(42 as never)).toThrow(new TypeError('memoize(): fn must be a function, got 42'));
    expect(() => memoize(async () => 1, { key: 'id' as never })).toThrow(
      "memoize(): key must be a function or undefined, got 'id' (string)",
    );
    expect(() => memoize(async () => 1, { max: 0.5 })).toThrow(/memoize\(\): max must be an integer/);
    expect(() => memoize(async () => 1, { tll: 10 } as never)).toThrow(
      "memoize(): unknown option 'tll' (did you mean 'ttl'?)",
    );
  });
});
