import pThrottle from 'p-throttle';
import { maxInWindow } from '../rate-window.mjs';

export async function rateOpen({ calls, limit, interval }) {
  let count = 0;
  const call = pThrottle({ limit, interval, strict: true })(async () => {
    count++;
  });
  const pending = new Array(calls);
  for (let i = 0; i < calls; i++) pending[i] = call();
  await Promise.all(pending);
  return count;
}

// strict: true is p-throttle's sliding-window log, the same algorithm as RateLimiter.
export async function rateSaturated({ callers, calls, limit, interval }) {
  const times = [];
  const call = pThrottle({ limit, interval, strict: true })(async () => {
    times.push(performance.now());
  });
  // Each caller makes its calls one after another, so a call runs as soon as it is admitted.
  const caller = async () => {
    for (let i = 0; i < calls; i++) await call();
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { count: times.length, maxInWindow: maxInWindow(times, interval) };
}
