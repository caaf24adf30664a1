import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { type Clock, installClock } from '../../src/internal/clock.js';
import { ClosedResourceError } from '../../src/primitives/closed-resource-error.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

const START = Date.UTC(2030, 0, 1, 9, 0, 0);
let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ dateStart: START });
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

/** Takes `count` payloads, recording the wall-clock offset at which each arrived. */
async function receive<T>(scheduler: Scheduler<T>, count: number): Promise<string[]> {
  const seen: string[] = [];
  for await (const payload of scheduler) {
    seen.push(`${String(payload)}@${clock.dateNow() - START}`);
    if (seen.length === count) break;
  }
  return seen;
}

describe('Scheduler', () => {
  it('delivers payloads at their wall-clock times, in time order', async () => {
    const scheduler = new Scheduler<string>();
    scheduler.after(300, 'c');
    scheduler.at(START + 100, 'a');
    scheduler.at(new Date(START + 200), 'b');
    scheduler.at(START + 200, 'b2'); // same time: in scheduling order
    const seen = receive(scheduler, 4);
    await clock.runAll();
    expect(await seen).toEqual(['a@100', 'b@200', 'b2@200', 'c@300']);
    expect(scheduler.stats()).toEqual({ scheduled: 0, ready: 0, waiting: 0, delivered: 4, closed: false });
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps due payloads for a consumer that comes later, and a past time means now', async () => {
    const scheduler = new Scheduler<number>();
    scheduler.at(START - 5000, 1);
    scheduler.after(10, 2);
    await clock.advance(50);
    expect(scheduler.stats().ready).toBe(2);
    expect(await scheduler.take()).toBe(1);
    expect(scheduler.tryTake()).toEqual({ ok: true, value: 2 });
    expect(scheduler.tryTake()).toEqual({ ok: false });
  });

  it('cancels a payload through its token, before or after it is due', async () => {
    const scheduler = new Scheduler<string>();
    const early = scheduler.after(10, 'early');
    const due = scheduler.after(20, 'due');
    scheduler.after(30, 'kept');
    expect(early.cancel()).toBe(true);
    expect(early.cancel()).toBe(false);
    expect(early.active).toBe(false);
    await clock.advance(25);
    expect(due.cancel()).toBe(true); // due, waiting in the ready queue: withdrawn too
    const seen = receive(scheduler, 1);
    await clock.advance(5);
    expect(await seen).toEqual(['kept@30']);
  });

  it('a cancelled earliest payload releases its timer', async () => {
    const scheduler = new Scheduler<string>();
    const only = scheduler.after(1000, 'x');
    expect(clock.pendingTimers).toBe(1);
    only.cancel();
    expect(clock.pendingTimers).toBe(0);
    expect(scheduler.stats().scheduled).toBe(0);
  });

  it('repeats intervals aligned on the first tick, until cancelled', async () => {
    const scheduler = new Scheduler<string>();
    const tick = scheduler.every(100, 'tick', { firstAt: START + 50 });
    expect(tick.interval).toBe(100);
    const seen = receive(scheduler, 3);
    await clock.advance(250);
    expect(await seen).toEqual(['tick@50', 'tick@150', 'tick@250']);
    expect(tick.nextAt).toBe(START + 350);
    tick.cancel();
    expect(Number.isNaN(tick.nextAt)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('coalesces interval ticks a slow consumer has not taken, and skips missed ones', async () => {
    const scheduler = new Scheduler<string>();
    scheduler.every(10, 'tick');
    await clock.advance(55); // five ticks came due; the consumer was busy
    expect(scheduler.stats().ready).toBe(1);
    expect(await scheduler.take()).toBe('tick');
    const next = receive(scheduler, 1);
    await clock.advance(5);
    expect(await next).toEqual(['tick@60']);
  });

  it('notices a wall clock that jumped forward: re-checks at least every minute', async () => {
    // The wall clock of this clock can jump while monotonic time (and its timers) keeps its pace.
    let jump = 0;
    const jumping: Clock = {
      now: () => clock.now(),
      dateNow: () => clock.dateNow() + jump,
      setTimer: (callback, delay) => clock.setTimer(callback, delay),
      clearTimer: (handle) => clock.clearTimer(handle),
    };
    const restore = installClock(jumping);
    try {
      const scheduler = new Scheduler<string>();
      scheduler.at(START + 3_600_000, 'in an hour');
      jump = 3_540_000; // NTP moved the wall clock 59 minutes forward
      await clock.advance(59_999);
      expect(scheduler.stats().ready).toBe(0);
      await clock.advance(1); // due by the wall clock for a while now: noticed at the one-minute re-check
      expect(scheduler.stats().ready).toBe(1);
      expect(await scheduler.take()).toBe('in an hour');
      expect(clock.now()).toBe(60_000);
    } finally {
      restore();
    }
  });

  it('close() cancels everything, ends iterations, and refuses new payloads', async () => {
    const scheduler = new Scheduler<string>();
    const token = scheduler.after(10, 'x');
    const iteration = receive(scheduler, 5);
    const taking = scheduler.take();
    scheduler.close();
    expect(await iteration).toEqual([]);
    await expect(taking).rejects.toBeInstanceOf(ClosedResourceError);
    expect(token.active).toBe(false);
    expect(() => scheduler.after(1, 'y')).toThrow('Scheduler.after(): the scheduler is closed');
    expect(clock.pendingTimers).toBe(0);
    expect(scheduler.closed).toBe(true);
  });

  it('closes at the end of an await using block', async () => {
    let kept: Scheduler<number> | undefined;
    {
      await using scheduler = new Scheduler<number>();
      scheduler.every(5, 1);
      kept = scheduler;
    }
    expect(kept?.closed).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a waiting consumer leaves on abort or cancellation; breaking a loop leaves the scheduler open', async () => {
    const scheduler = new Scheduler<string>();
    const controller = new AbortController();
    const taking = scheduler.take({ signal: controller.signal });
    controller.abort('stop waiting');
    await expect(taking).rejects.toBe('stop waiting');
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(async () => {
      await expect(scheduler.take()).rejects.toBe(scope.cancelError);
    });
    scheduler.after(1, 'still open');
    const seen = receive(scheduler, 1);
    await clock.advance(1);
    expect(await seen).toEqual(['still open@1']);
    expect(scheduler.closed).toBe(false);
  });

  it('sweeps many cancelled entries out of its heap', async () => {
    const scheduler = new Scheduler<number>();
    const tokens = Array.from({ length: 100 }, (_, i) => scheduler.after(1000 + i, i));
    for (const token of tokens.slice(0, 90)) token.cancel();
    expect(scheduler.stats().scheduled).toBe(10);
    const seen = receive(scheduler, 10);
    await clock.runAll();
    expect((await seen).map((entry) => Number(entry.split('@')[0]))).toEqual([
      90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ]);
  });

  it('explains bad times and periods', () => {
    const scheduler = new Scheduler<number>();
    expect(() => scheduler.at(Number.NaN, 1)).toThrow(
      new RangeError('Scheduler.at(): time must be a valid Date or finite epoch milliseconds, got NaN'),
    );
    expect(() => scheduler.at(new Date('nope'), 1)).toThrow(RangeError);
    expect(() => scheduler.at('2030-01-01' as never, 1)).toThrow(TypeError);
    expect(() => scheduler.after('soon' as never, 1)).toThrow(/ms must be a finite number of milliseconds/);
    expect(() => scheduler.after(-5, 1)).toThrow(RangeError);
    expect(() => scheduler.every(10, 1, { firstat: 0 } as never)).toThrow("did you mean 'firstAt'?");
    expect(() => scheduler.every(0, 1)).toThrow(
      'Scheduler.every(): ms must be a finite number of milliseconds > 0, got 0',
    );
  });
});
