import { describe, expect, it } from 'vitest';
import { currentTime } from '../../src/concurrency/current-time.js';
import { sleep } from '../../src/concurrency/sleep.js';
import { currentClock, systemClock } from '../../src/internal/clock.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

describe('VirtualClock', () => {
  it('becomes the current clock while installed, and only then', () => {
    const clock = new VirtualClock({ start: 500 });
    expect(currentClock()).toBe(systemClock);
    {
      using _installed = clock.install();
      expect(currentClock()).toBe(clock);
      expect(currentTime()).toBe(500);
    }
    expect(currentClock()).toBe(systemClock);
  });

  it('keeps a wall clock that moves with virtual time', async () => {
    const clock = new VirtualClock({ dateStart: Date.UTC(2030, 0, 1) });
    await clock.advance(1500);
    expect(new Date(clock.dateNow()).toISOString()).toBe('2030-01-01T00:00:01.500Z');
    expect(new VirtualClock().dateNow()).toBe(Date.UTC(2000, 0, 1));
  });

  it('fires timers in time order, same-time timers in the order they were set', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimer(() => fired.push('b@20'), 20);
    clock.setTimer(() => fired.push('a@10'), 10);
    clock.setTimer(() => fired.push('c@20'), 20);
    const cleared = clock.setTimer(() => fired.push('cleared'), 15);
    clock.clearTimer(cleared);
    clock.clearTimer({}); // unknown handles are ignored
    await clock.advance(15);
    expect(fired).toEqual(['a@10']);
    expect(clock.now()).toBe(15);
    await clock.advance(5);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.stats()).toEqual({ now: 20, pendingTimers: 0, firedTimers: 3 });
  });

  it('lets code react to one timer before the next fires', async () => {
    const clock = new VirtualClock();
    using _installed = clock.install();
    const log: number[] = [];
    const chain = (async () => {
      await sleep(10);
      log.push(clock.now());
      await sleep(10); // set while advancing: still due within the advance
      log.push(clock.now());
    })();
    await clock.advance(25);
    await chain;
    expect(log).toEqual([10, 20]);
    expect(clock.now()).toBe(25);
  });

  it('runNext() and runAll() jump straight to the pending timers', async () => {
    const clock = new VirtualClock();
    expect(await clock.runNext()).toBe(false);
    let count = 0;
    clock.setTimer(() => count++, 1000);
    clock.setTimer(() => clock.setTimer(() => count++, 5), 2000);
    expect(await clock.runNext()).toBe(true);
    expect(clock.now()).toBe(1000);
    await clock.runAll();
    expect(count).toBe(2);
    expect(clock.now()).toBe(2005);
  });

  it('runAll() stops a timer that re-arms itself forever', async () => {
    const clock = new VirtualClock();
    const rearm = () => clock.setTimer(rearm, 1);
    rearm();
    await expect(clock.runAll({ limit: 50 })).rejects.toThrow(
      'VirtualClock.runAll(): still timers pending after 50 fired',
    );
  });

  it('autojumps to the next timer whenever the code is idle', async () => {
    const clock = new VirtualClock({ autojump: true });
    using _installed = clock.install();
    await sleep(60_000);
    await sleep(1);
    expect(clock.now()).toBe(60_001);
    clock.autojump = false;
    let woke = false;
    void sleep(5).then(() => (woke = true));
    await clock.settle();
    expect(woke).toBe(false);
    clock.autojump = 1; // a real-time threshold in milliseconds
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woke).toBe(true);
  });

  it('validates its arguments', () => {
    expect(() => new VirtualClock({ autojump: -1 })).toThrow(/autojump must be/);
    expect(() => new VirtualClock().advance(-1)).toThrow(
      new RangeError('VirtualClock.advance(): ms must be a finite number of milliseconds >= 0, got -1'),
    );
    expect(() => new VirtualClock().advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => new VirtualClock().advanceTo('10' as never)).toThrow(TypeError);
    expect(() => new VirtualClock({ start: Number.NaN })).toThrow(RangeError);
    expect(() => new VirtualClock().runAll({ limit: 0 })).toThrow(RangeError);
    expect(() => new VirtualClock().setTimer('tick' as never, 5)).toThrow(TypeError);
    expect(() => new VirtualClock({ autoJump: true } as never)).toThrow("did you mean 'autojump'?");
  });

  it('restores the previous clock when installs are nested', () => {
    const outer = new VirtualClock();
    const inner = new VirtualClock();
    using _outer = outer.install();
    {
      const installed = inner.install();
      expect(currentClock()).toBe(inner);
      installed[Symbol.dispose]();
      installed[Symbol.dispose]();
    }
    expect(currentClock()).toBe(outer);
  });
});
