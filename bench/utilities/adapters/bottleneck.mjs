import Bottleneck from 'bottleneck';
import { maxInWindow } from '../rate-window.mjs';

export async function rateOpen({ calls }) {
  let count = 0;
  const limiter = new Bottleneck(); // no limit: the scheduling overhead alone
  const call = limiter.wrap(async () => {
    count++;
  });
  const pending = new Array(calls);
  for (let i = 0; i < calls; i++) pending[i] = call();
  await Promise.all(pending);
  await limiter.disconnect();
  return count;
}

// Bottleneck's way to cap calls per interval: a reservoir refreshed every interval (fixed windows).
export async function rateSaturated({ callers, calls, limit, interval }) {
  const times = [];
  const limiter = new Bottleneck({
    reservoir: limit,
    reservoirRefreshAmount: limit,
    reservoirRefreshInterval: interval,
  });
  const call = limiter.wrap(async () => {
    times.push(performance.now());
  });
  // Each caller makes its calls one after another, so a call runs as soon as it is admitted.
  const caller = async () => {
    for (let i = 0; i < calls; i++) await call();
  };
  await Promise.all(Array.from({ length: callers }, caller));
  await limiter.disconnect();
  return { count: times.length, maxInWindow: maxInWindow(times, interval) };
}
