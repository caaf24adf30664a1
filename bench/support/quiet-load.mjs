import os from 'node:os';

/**
 * The machine may be shared: waits (up to `maxMs`) for the 1-minute load average to fall under
 * `threshold`, so that other people's jobs disturb a measurement less. Returns the load it started at,
 * for the report.
 */
export async function waitForQuietLoad(threshold, maxMs = 120_000) {
  const until = Date.now() + maxMs;
  while (os.loadavg()[0] > threshold && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  return os.loadavg()[0];
}
