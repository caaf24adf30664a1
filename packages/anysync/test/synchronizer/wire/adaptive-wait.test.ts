import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Control } from '../../../src/synchronizer/protocol.js';
import { AdaptiveWait, clock, Stamp, stampWake } from '../../../src/synchronizer/wire/adaptive-wait.js';

const control = () => new Int32Array(new SharedArrayBuffer(128));

describe('AdaptiveWait.poll', () => {
  it('returns true at once when the word already changed, and false after an empty window', () => {
    const words = control();
    words[Control.signal] = 3;
    expect(new AdaptiveWait().poll(words, Control.signal, 2, 1_000)).toBe(true);
    expect(new AdaptiveWait().poll(words, Control.signal, 3, 200)).toBe(false);
  });

  it('never polls with a limit of 0 (it only looks once)', () => {
    const words = control();
    expect(new AdaptiveWait().poll(words, Control.signal, 0, 0)).toBe(false);
    words[Control.signal] = 1;
    expect(new AdaptiveWait().poll(words, Control.signal, 0, 0)).toBe(true);
  });

  it('backs off after an empty poll: the next waits only look once', () => {
    const words = control();
    const waits = new AdaptiveWait();
    expect(waits.poll(words, Control.signal, 0, 100)).toBe(false);
    // Backing off: a changed word is still seen (one look), but no time is spent polling for it.
    words[Control.signal] = 1;
    expect(waits.poll(words, Control.signal, 0, 100)).toBe(true);
  });
});

describe('AdaptiveWait.woke: the wake-up cost it learns', () => {
  it('measures from the stamp of the side that woke it, ignoring a stamp from before the park', () => {
    const words = control();
    const waits = new AdaptiveWait();
    const parkedAt = clock();
    stampWake(words, Stamp.toCaller);
    waits.woke(words, Stamp.toCaller, parkedAt);
    const first = waits.wakeCost;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1_000_000);
    // A stamp older than the park is not what woke it: no new measure.
    waits.woke(words, Stamp.toCaller, clock() + 10);
    expect(waits.wakeCost).toBe(first);
  });

  it('learns a real futex wake-up across threads', async () => {
    const words = control();
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const words = new Int32Array(workerData);
       const stamps = new Float64Array(workerData);
       for (let round = 1; round <= 20; round++) {
         while (Atomics.load(words, 1) !== round) Atomics.wait(words, 1, round - 1, 1000);
         stamps[${Stamp.toCaller}] = (performance.timeOrigin + performance.now()) * 1000;
         Atomics.store(words, 0, round);
         Atomics.notify(words, 0);
       }`,
      { eval: true, workerData: words.buffer },
    );
    const waits = new AdaptiveWait();
    for (let round = 1; round <= 20; round++) {
      const parkedAt = clock();
      Atomics.store(words, 1, round);
      Atomics.notify(words, 1);
      if (Atomics.wait(words, 0, round - 1, 5_000) === 'ok') waits.woke(words, Stamp.toCaller, parkedAt);
    }
    await worker.terminate();
    // Some wake-up was measured, and it is a plausible one (no clock skew between the threads).
    expect(waits.wakeCost).toBeGreaterThan(0);
    expect(waits.wakeCost).toBeLessThan(100_000);
  });
});
