import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lockout } from '../../src/rate-limit/lockout.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ dateStart: Date.UTC(2030, 0, 1) });
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('Lockout', () => {
  it('lets callers through at once while open', async () => {
    const lockout = new Lockout();
    await lockout.wait();
    expect(lockout.stats()).toEqual({ locked: false, remaining: 0, waiting: 0 });
  });

  it('stacks lockouts: closed until the latest one ends', async () => {
    const lockout = new Lockout();
    lockout.lockFor(100);
    lockout.lockFor(50); // earlier: no effect
    const opened = lockout.wait().then(() => clock.now());
    await clock.advance(50);
    lockout.lockFor(200); // now until 250
    expect(lockout.remaining).toBe(200);
    await clock.runAll();
    expect(await opened).toBe(250);
    expect(lockout.locked).toBe(false);
  });

  it('lets every waiter through together when it reopens, and never touches work already past it', async () => {
    const lockout = new Lockout();
    const passed: number[] = [];
    await lockout.wait();
    lockout.lockFor(100);
    const waits = [1, 2, 3].map((n) => lockout.wait().then(() => passed.push(n)));
    expect(lockout.stats().waiting).toBe(3);
    await clock.advance(99);
    expect(passed).toEqual([]);
    await clock.advance(1);
    await Promise.all(waits);
    expect(passed).toEqual([1, 2, 3]);
  });

  it('honours Retry-After in seconds or as an HTTP date, with a fallback', async () => {
    const lockout = new Lockout();
    expect(lockout.lockForRetryAfter('2')).toBe(2000);
    expect(lockout.remaining).toBe(2000);
    const inFiveSeconds = new Date(clock.dateNow() + 5000).toUTCString();
    expect(lockout.lockForRetryAfter(inFiveSeconds)).toBe(5000);
    expect(lockout.remaining).toBe(5000);
    expect(lockout.lockForRetryAfter(null, 7000)).toBe(7000);
    expect(lockout.lockForRetryAfter('soon')).toBe(0);
    expect(lockout.remaining).toBe(7000);
  });

  it('unlock() opens at once and releases the waiters', async () => {
    const lockout = new Lockout();
    lockout.lockFor(10_000);
    const waiting = lockout.wait();
    lockout.unlock();
    await waiting;
    expect(clock.pendingTimers).toBe(0);
  });

  it('an aborted waiter leaves; the last one to leave clears the timer', async () => {
    const lockout = new Lockout();
    lockout.lockFor(1000);
    const controller = new AbortController();
    const waiting = lockout.wait({ signal: controller.signal });
    controller.abort('gave up');
    await expect(waiting).rejects.toBe('gave up');
    expect(clock.pendingTimers).toBe(0);
    await expect(lockout.wait({ signal: AbortSignal.abort('x') })).rejects.toBe('x');
  });

  it('run() waits, then runs', async () => {
    const lockout = new Lockout();
    lockout.lockFor(30);
    const result = lockout.run(() => clock.now());
    await clock.runAll();
    expect(await result).toBe(30);
  });

  it('explains bad durations', () => {
    const lockout = new Lockout();
    expect(() => lockout.lockFor(Number.NaN)).toThrow(
      new RangeError('Lockout.lockFor(): ms must be a number of milliseconds >= 0 (or Infinity), got NaN'),
    );
    expect(() => lockout.lockFor(-1000)).toThrow(RangeError);
    expect(() => lockout.lockUntil('soon' as never)).toThrow(TypeError);
    expect(() => lockout.lockForRetryAfter(new Map() as never)).toThrow(
      "Lockout.lockForRetryAfter(): header must be the header's value: a string, null or undefined, got an instance of Map",
    );
    expect(() => new Lockout(5000 as never)).toThrow(
      new TypeError('Lockout: options must be an object or undefined, got 5000'),
    );
    expect(lockout.locked).toBe(false);
  });
});
