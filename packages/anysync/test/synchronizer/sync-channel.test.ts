import { afterAll, describe, expect, it } from 'vitest';
import { Synchronizer, TimeoutError } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';
import type * as Slow from './fixtures/slow.mjs';

const sync = new Synchronizer();
const slow = sync.load<typeof Slow>(new URL('./fixtures/slow.mjs', import.meta.url));
const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
afterAll(() => sync.close());

const waitForEvents = async (count: number) => {
  for (let attempt = 0; attempt < 100; attempt++) {
    const events = slow.events();
    if (events.length >= count) return events;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return [];
};

describe('shared memory', () => {
  it('shares a SharedArrayBuffer passed to a blocking call both ways, as postMessage does', () => {
    const view = new Int32Array(new SharedArrayBuffer(8));
    const nested = slow.bump(view);
    expect(view[0]).toBe(1);
    expect(nested.shared).toBe(true);
    nested.view[1] = 42;
    expect(view[1]).toBe(42);
    // A view of memory that is not shared is copied, as postMessage copies it.
    const own = new Int32Array(2);
    expect(slow.bump(own).shared).toBe(false);
    expect(own[0]).toBe(0);
  });
});

describe('waking', () => {
  it('wakes a caller parked through a long call before it writes the reply', async () => {
    // The caller's parks are watched. Every park a notify ends returns 100 µs late, so each wake-up this
    // caller measures is slow, as on idle CPUs, whatever the load (where wake-ups are known to be quick, the
    // early wake-up is skipped). Such a notify also raises flag[2], which the reply's getter (run on the
    // worker while it writes the reply) waits for. Were the caller woken only once the reply is written, the
    // getter would wait its full 5 s and report false.
    const flag = new Int32Array(new SharedArrayBuffer(12));
    const wait = Atomics.wait;
    const watched = (view: Int32Array, index: number, value: number, timeout?: number) => {
      const result = wait(view, index, value, timeout);
      if (result === 'ok' && view !== flag) {
        const late = performance.now() + 0.1;
        while (performance.now() < late);
        Atomics.store(flag, 2, 1);
        Atomics.notify(flag, 2);
      }
      return result;
    };
    Atomics.wait = watched as typeof Atomics.wait;
    const watchedSync = new Synchronizer();
    const watchedSlow = watchedSync.load<typeof Slow>(new URL('./fixtures/slow.mjs', import.meta.url));
    try {
      // Calls before it, so the caller has woken (and measured) a few times already.
      for (let i = 0; i < 3; i++) expect(watchedSlow.wait(5)).toBe('waited 5');
      Atomics.store(flag, 2, 0);
      // 50 ms: far longer than the caller polls before it parks.
      expect(watchedSlow.settleThenWrite(flag, 50)).toEqual({ wokeFirst: true });
    } finally {
      Atomics.wait = wait;
      await watchedSync.close();
    }
  });
});

describe('timeouts', () => {
  it('fails a blocking call with a TimeoutError and aborts the worker task', { timeout: 5_000 }, async () => {
    slow.events();
    const started = performance.now();
    expect(() => slow.wait.with({ timeout: 50 })(10_000)).toThrow(TimeoutError);
    // Far sooner than the 10 s the task would take, however busy the machine.
    expect(performance.now() - started).toBeLessThan(9_000);
    expect(await waitForEvents(1)).toEqual(['aborted: TimeoutError']);
  });

  it('does not poison the calls that follow', { timeout: 5_000 }, () => {
    expect(() => slow.never.with({ timeout: 30 })()).toThrow(/never timed out after 30 ms/);
    expect(slow.quick('next')).toBe('next');
    // A late reply of an abandoned call is never mistaken for the reply of a later one.
    expect(() => slow.wait.with({ timeout: 20 })(60)).toThrow(TimeoutError);
    for (let i = 0; i < 50; i++) expect(slow.quick(i)).toBe(i);
  });

  it('gives every call after a timed-out one exactly its own arguments and result', {
    timeout: 20_000,
  }, () => {
    // The worker is held (its thread blocked) until the caller lets it go, so the held call is sure to time
    // out, and so is a second one sent meanwhile: requests the worker reads late, after the caller has
    // moved on. The calls that follow must never be mixed with them, whatever the sizes involved.
    const flag = new Int32Array(new SharedArrayBuffer(8));
    for (let round = 1; round <= 40; round++) {
      expect(() => slow.hold.with({ timeout: 1 })(flag, round)).toThrow(TimeoutError);
      // On a busy machine the worker may not have read the held request within its 1 ms; a request sent
      // now would then replace it unread (the caller gave up on it), and nothing would hold the worker.
      waitUntilHeld(flag, round);
      if (round % 2 === 0)
        expect(() => slow.quick.with({ timeout: 1 })(`late ${round}`)).toThrow(TimeoutError);
      Atomics.store(flag, 0, round);
      Atomics.notify(flag, 0);
      const text = `${round}:`.repeat(1 + ((round * 7919) % 3000));
      expect(slow.quick(text)).toBe(text);
      expect(slow.quick([round, text.length, { round }])).toEqual([round, text.length, { round }]);
      expect(slow.quick(round)).toBe(round);
    }
  });

  it('applies the synchronizer-wide default, which a call can override', { timeout: 5_000 }, async () => {
    const strict = new Synchronizer({ timeout: 40 });
    const strictSlow = strict.load<typeof Slow>(new URL('./fixtures/slow.mjs', import.meta.url));
    expect(() => strictSlow.never()).toThrow(TimeoutError);
    expect(strictSlow.wait.with({ timeout: 2_000 })(60)).toBe('waited 60');
    await strict.close();
  });

  it('hands the call signal only to cancellable calls', () => {
    expect(api.signalState()).toBe('none');
    expect(api.signalState.with({ timeout: 5_000 })()).toBe('live');
  });

  it('aborts an AbortSignal argument on the worker when the call times out', { timeout: 5_000 }, async () => {
    slow.events();
    const controller = new AbortController();
    expect(() => slow.waitWith.with({ timeout: 40 })(10_000, { signal: controller.signal })).toThrow(
      TimeoutError,
    );
    expect(await waitForEvents(1)).toEqual(['aborted through the argument']);
    expect(api.acceptsSignal({ signal: controller.signal })).toBe(true);
  });

  it('refuses to start a blocking call with an aborted signal', () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped before'));
    expect(() => slow.quick.with({ signal: controller.signal })(1)).toThrow('stopped before');
  });
});

describe('cancelling promise-returning calls', () => {
  it('rejects with a TimeoutError and aborts the worker task', { timeout: 5_000 }, async () => {
    slow.events();
    await expect(slow.wait.with({ timeout: 40 }).async(10_000)).rejects.toBeInstanceOf(TimeoutError);
    expect(await waitForEvents(1)).toEqual(['aborted: TimeoutError']);
  });

  it('aborts the worker task when the caller signal aborts', { timeout: 5_000 }, async () => {
    slow.events();
    const controller = new AbortController();
    const pending = slow.wait.with({ signal: controller.signal }).async(10_000);
    setTimeout(() => controller.abort(new DOMException('user gave up', 'AbortError')), 20);
    await expect(pending).rejects.toThrow('user gave up');
    expect(await waitForEvents(1)).toEqual(['aborted: AbortError']);
    expect(await slow.quick.async('after')).toBe('after');
  });
});

/** Blocks until the worker has started the hold of `round` (see the `hold` fixture). */
function waitUntilHeld(flag: Int32Array, round: number): void {
  const deadline = performance.now() + 10_000;
  for (let seen = Atomics.load(flag, 1); seen < round; seen = Atomics.load(flag, 1)) {
    if (performance.now() > deadline) throw new Error(`the worker never started hold ${round}`);
    Atomics.wait(flag, 1, seen, 100);
  }
}
