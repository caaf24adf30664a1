import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Control } from '../../../src/synchronizer/protocol.js';
import {
  AdaptiveWait,
  clock,
  Stamp,
  stampWake,
  wakeStamps,
} from '../../../src/synchronizer/wire/adaptive-wait.js';

const control = () => new Int32Array(new SharedArrayBuffer(128));
const waitsOn = (words: Int32Array) => new AdaptiveWait(wakeStamps(words), Stamp.toCaller);

describe('AdaptiveWait.poll', () => {
  it('returns true at once when the word already changed, and false after an empty window', () => {
    const words = control();
    words[Control.signal] = 3;
    expect(waitsOn(words).poll(words, Control.signal, 2, 1_000)).toBe(true);
    expect(waitsOn(words).poll(words, Control.signal, 3, 200)).toBe(false);
  });

  it('never polls with a limit of 0: it says park at once (the park itself sees a changed word)', () => {
    const words = control();
    const waits = waitsOn(words);
    words[Control.signal] = 1;
    expect(waits.poll(words, Control.signal, 0, 0)).toBe(false);
    expect(waits.park(words, Control.signal, 0, 1_000)).toBe('not-equal');
  });

  it('backs off after an empty poll: the next waits park at once', () => {
    const words = control();
    const waits = waitsOn(words);
    expect(waits.poll(words, Control.signal, 0, 100)).toBe(false);
    // Backing off: no time is spent polling, even for a word that changed meanwhile.
    words[Control.signal] = 1;
    expect(waits.poll(words, Control.signal, 0, 100)).toBe(false);
    // After the backoff it polls again, and sees the change at once.
    expect(waits.poll(words, Control.signal, 0, 100)).toBe(true);
  });

  it('while backing off, has only some of its parks measured (measuring reads the clock on both sides)', () => {
    const words = control();
    const stamps = wakeStamps(words);
    const waits = waitsOn(words);
    let asked = 0;
    for (let i = 0; i < 200; i++) {
      expect(waits.poll(words, Control.signal, 0, 20)).toBe(false);
      // The park times out at once; one that is measured asks for a stamp first.
      stamps[Stamp.toCaller] = 7;
      expect(waits.park(words, Control.signal, 0, 0)).toBe('timed-out');
      if (stamps[Stamp.toCaller] === 0) asked++;
    }
    // The backoff doubles up to 63 waits, so 8 of these 200 polled (and are measured); of the others, one in
    // 8 is. Still measured now and then, so a machine that turns quiet is noticed; but most parks are not.
    expect(asked).toBeGreaterThan(8);
    expect(asked).toBeLessThanOrEqual(8 + 200 / 8);
  });
});

describe('AdaptiveWait.woke: the wake-up cost it learns', () => {
  it('measures from the stamp of the side that woke it, and only a stamp it asked for', async () => {
    const words = control();
    const stamps = wakeStamps(words);
    const waits = waitsOn(words);
    // Asked for (the slot holds 0): the waker stamps; otherwise it leaves the slot alone.
    stampWake(stamps, Stamp.toCaller);
    const stamped = stamps[Stamp.toCaller] ?? 0;
    expect(stamped).toBeGreaterThan(clock() - 1_000_000);
    stampWake(stamps, Stamp.toCaller, 0);
    expect(stamps[Stamp.toCaller]).toBe(stamped);
    waits.woke();
    const first = waits.wakeCost;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1_000_000);
    // A park with polling on asks for a stamp again; a wake-up that brings none teaches nothing.
    expect(waits.poll(words, Control.signal, 0, 1)).toBe(false);
    const notifier = new Worker(
      `const { workerData } = require('node:worker_threads');
       const words = new Int32Array(workerData);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
       Atomics.store(words, ${Control.signal}, 1);
       Atomics.notify(words, ${Control.signal});`,
      { eval: true, workerData: words.buffer },
    );
    waits.park(words, Control.signal, 0, 5_000);
    await notifier.terminate();
    expect(stamps[Stamp.toCaller]).toBe(0);
    expect(waits.wakeCost).toBe(first);
  });

  it('learns nothing from a park after a poll with no budget (polling is off: the cost is not needed)', async () => {
    const words = control();
    const waits = waitsOn(words);
    expect(waits.poll(words, Control.signal, 0, 0)).toBe(false);
    // The worker waits a while first, so the notify most likely ends a park (either way nothing is learned).
    const stamped = new Worker(
      `const { workerData } = require('node:worker_threads');
       const words = new Int32Array(workerData);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
       new Float64Array(workerData)[${Stamp.toCaller}] = (performance.timeOrigin + performance.now()) * 1000;
       Atomics.store(words, ${Control.signal}, 1);
       Atomics.notify(words, ${Control.signal});`,
      { eval: true, workerData: words.buffer },
    );
    const result = waits.park(words, Control.signal, 0, 5_000);
    await stamped.terminate();
    expect(['ok', 'not-equal']).toContain(result);
    expect(waits.wakeCost).toBe(0);
  });

  it('learns a real futex wake-up across threads', async () => {
    const words = control();
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const words = new Int32Array(workerData);
       const stamps = new Float64Array(workerData);
       for (let round = 1; round <= 20; round++) {
         while (Atomics.load(words, 1) !== round) Atomics.wait(words, 1, round - 1, 1000);
         if (stamps[${Stamp.toCaller}] === 0) stamps[${Stamp.toCaller}] = (performance.timeOrigin + performance.now()) * 1000;
         Atomics.store(words, 0, round);
         Atomics.notify(words, 0);
       }`,
      { eval: true, workerData: words.buffer },
    );
    const waits = waitsOn(words);
    for (let round = 1; round <= 20; round++) {
      // A budget of 1 µs: polling is on, so the parks that follow are measured.
      waits.poll(words, 0, round - 1, 1);
      Atomics.store(words, 1, round);
      Atomics.notify(words, 1);
      waits.park(words, 0, round - 1, 5_000);
    }
    await worker.terminate();
    // Some wake-up was measured, and it is a plausible one (no clock skew between the threads).
    expect(waits.wakeCost).toBeGreaterThan(0);
    expect(waits.wakeCost).toBeLessThan(100_000);
  });
});

/**
 * A wait that asked for a stamp, then woke `wake` µs after the other side answered, which it did 1 ms after
 * the wait began. Times are passed, not waited for: what is learned must not depend on how this thread
 * happens to be scheduled (a preemption between two clock readings would change a measured wake-up).
 */
function wokenAfterAnswer(slot: number, wake: number, reachesAnswer = false): AdaptiveWait {
  const words = control();
  const waits = new AdaptiveWait(wakeStamps(words), slot, reachesAnswer);
  answeredThenWoken(waits, words, slot, 1_000, wake);
  return waits;
}

/** One more wait of `waits` (over `words`): answered `answer` µs after it began, woken `wake` µs later. */
function answeredThenWoken(
  waits: AdaptiveWait,
  words: Int32Array,
  slot: number,
  answer: number,
  wake: number,
) {
  const stamps = wakeStamps(words);
  // A poll that finds its answer at once turns measuring on without reading the clock; a park on a word
  // that already changed then asks for a stamp and notes when the wait began, and returns at once.
  words[Control.signal] = 1;
  expect(waits.poll(words, Control.signal, 0, 1)).toBe(true);
  expect(waits.park(words, Control.signal, 0, 1_000)).toBe('not-equal');
  const answered = clock() + answer;
  stamps[slot] = answered;
  waits.woke(answered + wake);
}

describe('AdaptiveWait.reach: how long a poll may last', () => {
  const worker = (wake: number, reachesAnswer = true) =>
    wokenAfterAnswer(Stamp.toWorker, wake, reachesAnswer);

  it('is the limit until a wake-up was measured', () => {
    const words = control();
    expect(waitsOn(words).reach(300)).toBe(300);
  });

  it('reaches past the usual answer time when wake-ups are slow (idle CPUs), within the limit', () => {
    const waits = worker(60);
    expect(waits.wakeCost).toBe(60);
    expect(waits.answerTime).toBeGreaterThanOrEqual(1_000);
    // 1.5 times the answer time, not the 60 µs a wake-up costs.
    expect(waits.reach(5_000)).toBeGreaterThanOrEqual(1_500);
    expect(waits.reach(5_000)).toBeLessThanOrEqual(waits.answerTime * 1.5);
    expect(waits.reach(300)).toBe(300);
  });

  it('is only the wake-up cost when wake-ups are fast (a busy machine): polling would take CPU from the other side', () => {
    const waits = worker(5);
    expect(waits.wakeCost).toBe(5);
    expect(waits.answerTime).toBeGreaterThanOrEqual(1_000);
    expect(waits.reach(5_000)).toBe(waits.wakeCost);
    expect(waits.reach(5_000)).toBeLessThan(20);
  });

  it('stops learning the answer time once wake-ups are fast: no poll reaches past it then', () => {
    const words = control();
    const waits = new AdaptiveWait(wakeStamps(words), Stamp.toWorker, true);
    answeredThenWoken(waits, words, Stamp.toWorker, 1_000, 5);
    const learned = waits.answerTime;
    expect(learned).toBeGreaterThanOrEqual(1_000);
    answeredThenWoken(waits, words, Stamp.toWorker, 50_000, 5);
    expect(waits.answerTime).toBe(learned);
    // Where wake-ups turn slow again, it learns again.
    answeredThenWoken(waits, words, Stamp.toWorker, 50_000, 400);
    answeredThenWoken(waits, words, Stamp.toWorker, 50_000, 400);
    expect(waits.answerTime).toBeGreaterThan(learned);
  });

  it('never reaches past the wake-up cost for a wait that does not ask to (the caller: it waits for work)', () => {
    const waits = worker(60, false);
    expect(waits.wakeCost).toBe(60);
    // Nor does it keep the answer time it has no use for.
    expect(waits.answerTime).toBe(0);
    expect(waits.reach(5_000)).toBe(waits.wakeCost);
    expect(waits.reach(5_000)).toBeLessThan(1_000);
  });
});

describe('AdaptiveWait.wakesQuickly: whether an early wake-up is skipped', () => {
  const wokenAfter = (latency: number) => wokenAfterAnswer(Stamp.toCaller, latency);

  it('is false until a wake-up was measured: an unknown cost is treated as slow', () => {
    expect(waitsOn(control()).wakesQuickly).toBe(false);
  });

  it('is true once wake-ups cost a few microseconds (busy CPUs)', () => {
    expect(wokenAfter(3).wakesQuickly).toBe(true);
  });

  it('is false where wake-ups cost tens of microseconds or more (idle CPUs)', () => {
    expect(wokenAfter(60).wakesQuickly).toBe(false);
    expect(wokenAfter(5_000).wakesQuickly).toBe(false);
  });
});
