import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { currentScope } from '../../src/concurrency/current-scope.js';
import { Semaphore } from '../../src/primitives/semaphore.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('limits concurrency in run() to its value', async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await tick();
          active--;
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
    expect(semaphore.stats()).toEqual({ value: 3, maxValue: 3, waiting: 0 });
  });

  it('serves weighted requests in order, so a heavy one is not starved', async () => {
    const semaphore = new Semaphore(4);
    const held = await semaphore.acquire({ weight: 3 });
    const order: string[] = [];
    const heavy = semaphore.acquire({ weight: 4 }).then((p) => {
      order.push('heavy');
      p.release();
    });
    const light = semaphore.acquire().then((p) => {
      order.push('light');
      p.release();
    });
    await tick();
    expect(order).toEqual([]); // one token is free, but the light one waits behind the heavy one
    held.release();
    await Promise.all([heavy, light]);
    expect(order).toEqual(['heavy', 'light']);
    expect(semaphore.value).toBe(4);
  });

  it('lets the next waiters through when an aborted heavy waiter leaves the head', async () => {
    const semaphore = new Semaphore(2);
    const held = await semaphore.acquire();
    const controller = new AbortController();
    const heavy = semaphore.acquire({ weight: 2, signal: controller.signal });
    const light = semaphore.acquire();
    controller.abort('no');
    await expect(heavy).rejects.toBe('no');
    const permit = await light;
    expect(semaphore.value).toBe(0);
    permit.release();
    held.release();
    expect(semaphore.value).toBe(2);
  });

  it('tryAcquire() takes tokens only when free and nobody waits', async () => {
    const semaphore = new Semaphore(2);
    const a = semaphore.tryAcquire(2);
    expect(a).toBeDefined();
    expect(semaphore.tryAcquire()).toBeUndefined();
    const waiting = semaphore.acquire();
    a?.release();
    (await waiting).release();
    expect(semaphore.value).toBe(2);
  });

  it('checks release() against maxValue and weights against what can ever be served', () => {
    const semaphore = new Semaphore(1, { maxValue: 2 });
    semaphore.release();
    expect(() => semaphore.release()).toThrow('Semaphore.release(): releasing 1 would exceed maxValue 2');
    expect(() => semaphore.tryAcquire(3)).toThrow(
      'Semaphore.tryAcquire(): weight must be a number > 0 and <= maxValue (2): a heavier one could never be granted, got 3',
    );
    expect(() => semaphore.acquire({ weight: 0 })).toThrow(
      /weight must be a number > 0 and <= maxValue \(2\).*, got 0/,
    );
    expect(() => new Semaphore(-1)).toThrow('Semaphore: initialValue must be a finite number >= 0, got -1');
    expect(() => new Semaphore(3, { maxValue: 2 })).toThrow(
      /maxValue must be a number >= initialValue \(3\)/,
    );
  });

  it('is bounded by its initial value by default: a double release or an impossible weight fails at the call', () => {
    const semaphore = new Semaphore(2);
    expect(() => semaphore.release()).toThrow('Semaphore.release(): releasing 1 would exceed maxValue 2');
    expect(() => semaphore.acquire({ weight: 5 })).toThrow(RangeError); // issue 14: used to wait forever
    expect(semaphore.stats()).toEqual({ value: 2, maxValue: 2, waiting: 0 });
    const raisable = new Semaphore(2, { maxValue: Number.POSITIVE_INFINITY });
    raisable.release(3);
    expect(raisable.tryAcquire(5)?.released).toBe(false);
  });

  it('can be released by anyone, raising the value (an unbounded semaphore)', () => {
    const semaphore = new Semaphore(0);
    semaphore.release(5);
    expect(semaphore.value).toBe(5);
    expect(() => semaphore.release(0.5)).toThrow(/whole number >= 1 on an unbounded semaphore/);
    expect(() => semaphore.release(Number.MAX_SAFE_INTEGER)).toThrow(
      /would exceed the most an unbounded semaphore/,
    );
  });

  it('adds and takes fractional weights exactly, as decimals (no drift past maxValue)', async () => {
    const semaphore = new Semaphore(1);
    const permits = [0.1, 0.2, 0.7].map((weight) => semaphore.tryAcquire(weight));
    expect(semaphore.value).toBe(0); // in floating point, 1 - 0.1 - 0.2 - 0.7 is 1.1e-16
    expect(semaphore.tryAcquire(1e-9)).toBeUndefined();
    for (const permit of permits.reverse()) permit?.release(); // 1.0000000000000002 > maxValue 1 before
    expect(semaphore.value).toBe(1);
    const third = await semaphore.acquire({ weight: 1 / 3 });
    const rest = await semaphore.acquire({ weight: 2 / 3 });
    expect(semaphore.tryAcquire(1e-15)).toBeUndefined();
    third.release();
    rest.release();
    expect(semaphore.stats()).toEqual({ value: 1, maxValue: 1, waiting: 0 });
    expect(() => semaphore.acquire({ weight: 1e-20 })).toThrow(/at least 1e-15/);
  });

  it('run() with a weight holds that many tokens and returns them on failure', async () => {
    const semaphore = new Semaphore(3);
    await expect(
      semaphore.run(
        async () => {
          expect(semaphore.value).toBe(1);
          throw new Error('x');
        },
        { weight: 2 },
      ),
    ).rejects.toThrow('x');
    expect(semaphore.value).toBe(3);
    const blocker = await semaphore.acquire({ weight: 3 });
    const queued = semaphore.run(() => semaphore.value, { weight: 2 });
    blocker.release();
    await expect(queued).resolves.toBe(1);
    expect(semaphore.value).toBe(3);
  });

  it('rejects waits inside a cancelled scope and never spends tokens on aborted waiters', async () => {
    const semaphore = new Semaphore(1);
    const scope = new CancelScope();
    const held = await semaphore.acquire();
    const waiting = scope.run(() => semaphore.run(() => 'never'));
    await tick();
    scope.cancel();
    await waiting;
    expect(semaphore.stats().waiting).toBe(0);
    held.release();
    expect(semaphore.value).toBe(1);
    const cancelled = new CancelScope();
    cancelled.cancel();
    await cancelled.run(() => expect(semaphore.acquire()).rejects.toBe(cancelled.cancelError));
    expect(semaphore.value).toBe(1);
  });

  it('map() keeps input order, respects the limit and pulls items lazily', async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let peak = 0;
    let pulled = 0;
    function* items() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield i;
      }
    }
    const done = semaphore.map(items(), async (n, index) => {
      active++;
      peak = Math.max(peak, active);
      expect(pulled - index).toBeLessThanOrEqual(3); // never more than the running calls pulled ahead
      await tick();
      active--;
      return n * 2;
    });
    expect(await done).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    expect(peak).toBe(3);
    expect(semaphore.value).toBe(3);
    await expect(semaphore.map([], () => 1)).resolves.toEqual([]);
  });

  it('map() shares the tokens with other users and grows when they free up', async () => {
    const semaphore = new Semaphore(4);
    const others = await semaphore.acquire({ weight: 3 });
    let peak = 0;
    let active = 0;
    const done = semaphore.map(
      Array.from({ length: 20 }, (_, i) => i),
      async () => {
        active++;
        peak = Math.max(peak, active);
        await tick();
        active--;
      },
    );
    await tick();
    others.release();
    await done;
    expect(peak).toBe(4);
  });

  it('map() stops at the first failure, waits for calls in flight, and closes the input', async () => {
    const semaphore = new Semaphore(2);
    let closed = false;
    let finished = 0;
    function* items() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const done = semaphore.map(items(), async (n) => {
      await tick();
      if (n === 3) throw new Error('item 3');
      finished++;
    });
    await expect(done).rejects.toThrow('item 3');
    expect(closed).toBe(true);
    expect(finished).toBeLessThan(6);
    expect(semaphore.value).toBe(2);
  });

  it("starts a queued run() in the async context it was queued in, not the releaser's", async () => {
    const storage = new AsyncLocalStorage<string>();
    const semaphore = new Semaphore(1);
    const seen: (string | undefined)[] = [];
    const task = async () => {
      seen.push(storage.getStore());
      await tick();
      seen.push(storage.getStore());
    };
    // Queued back to back from one synchronous block, each under its own store; the releases happen in
    // the context of the task before, under another store each time.
    const calls = ['a', 'b', 'c'].map((name) => storage.run(name, () => semaphore.run(task)));
    calls.push(semaphore.run(task)); // queued outside any store
    await Promise.all(calls);
    expect(seen).toEqual(['a', 'a', 'b', 'b', 'c', 'c', undefined, undefined]);

    // The ambient cancel scope follows the same way (a scope also makes the wait cancellable).
    const held = await semaphore.acquire();
    const scope = new CancelScope();
    const inScope = scope.run(() => semaphore.run(() => currentScope()));
    const outside = semaphore.run(() => currentScope());
    held.release();
    expect(await inScope).toBe(scope);
    expect(await outside).toBe(undefined);
  });

  it('keeps arrival order across queued run() calls, signalled calls and acquire()', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    const order: string[] = [];
    const done: Promise<unknown>[] = [];
    const note = (name: string) => () => {
      order.push(name);
    };
    done.push(semaphore.run(note('run 1')));
    done.push(semaphore.run(note('run 2')));
    done.push(
      semaphore.acquire().then((permit) => {
        order.push('acquire');
        permit.release();
      }),
    );
    done.push(semaphore.run(note('run 3'))); // behind a waiting acquire(): must not overtake it
    done.push(semaphore.run(note('signalled'), { signal: new AbortController().signal }));
    done.push(semaphore.run(note('run 4')));
    expect(semaphore.stats().waiting).toBe(6);
    held.release();
    await Promise.all(done);
    expect(order).toEqual(['run 1', 'run 2', 'acquire', 'run 3', 'signalled', 'run 4']);
    expect(semaphore.stats()).toEqual({ value: 1, maxValue: 1, waiting: 0 });
  });

  it('a light waiter behind a queued run() does not overtake it when a grant happens', async () => {
    const semaphore = new Semaphore(1);
    const half = await semaphore.acquire({ weight: 0.5 });
    const order: string[] = [];
    const run = semaphore.run(() => {
      order.push('run');
    }); // needs 1 token, 0.5 free
    const controller = new AbortController();
    const aborted = semaphore.acquire({ weight: 0.5, signal: controller.signal }).catch(() => 'aborted');
    const small = semaphore.acquire({ weight: 0.5 }).then((permit) => {
      order.push('small');
      permit.release();
    });
    controller.abort(); // the grant that follows must not hand the free half to `small`
    expect(await aborted).toBe('aborted');
    await tick();
    expect(order).toEqual([]);
    half.release();
    await Promise.all([run, small]);
    expect(order).toEqual(['run', 'small']);
  });

  it('a queued run() settles like its task and gives the token back however the task ends', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    const thenable = {
      // biome-ignore lint/suspicious/noThenProperty: a task may return a foreign thenable
      then: (resolve: (value: string) => void) => resolve('thenable'),
    } as unknown as PromiseLike<string>;
    const calls = [
      semaphore.run(() => 'value'),
      semaphore.run(async () => 'promise'),
      semaphore.run(() => thenable),
      semaphore.run(() => {
        throw new Error('thrown');
      }),
      semaphore.run(() => Promise.reject(new Error('rejected'))),
      semaphore.run(() => semaphore.value),
    ];
    held.release();
    const results = await Promise.allSettled(calls);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'value',
      'promise',
      'thenable',
      'thrown',
      'rejected',
      0,
    ]);
    expect(semaphore.value).toBe(1);
  });

  it('release() starts a queued run() in a microtask, not inside the release call', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    let started = false;
    const queued = semaphore.run(() => {
      started = true;
    });
    held.release();
    expect(started).toBe(false);
    expect(semaphore.value).toBe(0); // the token is already the queued call's
    expect(semaphore.tryAcquire()).toBe(undefined);
    await null;
    expect(started).toBe(true);
    await queued;
    expect(semaphore.value).toBe(1);
  });
});
