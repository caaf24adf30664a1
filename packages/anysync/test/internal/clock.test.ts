import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/internal/clock.js';

afterEach(() => vi.useRealTimers());

describe('systemClock', () => {
  it('chains timers longer than setTimeout allows instead of firing after 1 ms', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let fired = false;
    const days30 = 30 * 24 * 3600 * 1000;
    const handle = systemClock.setTimer(() => (fired = true), days30);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(fired).toBe(false);
    vi.advanceTimersByTime(days30 - (2 ** 31 - 1));
    expect(fired).toBe(true);
    const cleared = systemClock.setTimer(() => (fired = false), days30);
    systemClock.clearTimer(cleared);
    vi.advanceTimersByTime(days30);
    expect(fired).toBe(true);
    systemClock.clearTimer(handle);
  });

  it('reads real time', () => {
    expect(Math.abs(systemClock.dateNow() - Date.now())).toBeLessThan(1000);
    expect(systemClock.now()).toBeGreaterThan(0);
  });
});
