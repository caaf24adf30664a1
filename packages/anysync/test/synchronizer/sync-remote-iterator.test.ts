import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Generators from './fixtures/generators.mjs';

const sync = new Synchronizer({ timeout: 10_000, maxBatch: 64 });
const gen = sync.load<typeof Generators>(new URL('./fixtures/generators.mjs', import.meta.url));
afterAll(() => sync.close());

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('async generators as sync iterators', () => {
  it('yields every item in order and runs the generator to completion', () => {
    gen.events();
    expect([...gen.numbers(1000)]).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(gen.events()).toEqual(['completed', 'finally']);
  });

  it('never runs more than maxBatch items ahead of the consumer', () => {
    const iterator = gen.numbers(10_000);
    for (let taken = 1; taken <= 300; taken++) {
      const step = iterator.next();
      expect(step).toEqual({ value: taken - 1, done: false });
      expect(gen.producedSoFar()).toBeLessThanOrEqual(taken + 64);
    }
    iterator.return(undefined);
  });

  it('delivers a slow generator’s items one by one, in order', () => {
    // That the first comes without waiting for a batch to fill is shown without a clock by the gated
    // generator below: it stalls after its first item until another call opens it.
    const iterator = gen.slow(3, 30);
    expect(iterator.next()).toEqual({ value: 0, done: false });
    expect([...iterator]).toEqual([1, 2]);
  });

  it('reaches the worker generator with an early return (break), running its finally block', () => {
    gen.events();
    for (const value of gen.numbers(1_000_000)) if (value === 5) break;
    expect(gen.events()).toEqual(['finally']);
  });

  it('closes the generator when `using` disposes the iterator', () => {
    gen.events();
    {
      using iterator = gen.numbers(100);
      expect(iterator.next().value).toBe(0);
    }
    expect(gen.events()).toEqual(['finally']);
  });

  it('throws into the worker generator, which may recover', async () => {
    // With maxBatch 1 the worker never runs ahead, so the throw lands where the consumer stands.
    const exact = new Synchronizer({ timeout: 10_000, maxBatch: 1 });
    const lockstep = exact.load<typeof Generators>(new URL('./fixtures/generators.mjs', import.meta.url));
    lockstep.events();
    const iterator = lockstep.interruptible();
    expect(iterator.next()).toEqual({ value: 1, done: false });
    expect(iterator.throw(new Error('stop'))).toEqual({ value: 'recovered', done: false });
    expect(iterator.next()).toEqual({ value: undefined, done: true });
    expect(lockstep.events()).toEqual(['caught stop', 'finally']);
    await exact.close();
  });

  it.each([
    ['a fast', 0],
    ['a slow', 5],
  ])('pulls the next batch of %s generator ahead, yet a throw loses no item after it', async (_, ms) => {
    // maxBatch 4: batches of 2, and 2 more pulled ahead while the consumer works through them.
    const paired = new Synchronizer({ timeout: 10_000, maxBatch: 4 });
    const ahead = paired.load<typeof Generators>(new URL('./fixtures/generators.mjs', import.meta.url));
    ahead.events();
    const iterator = ahead.recovering(20, ms);
    expect(iterator.next()).toEqual({ value: 0, done: false });
    expect(iterator.throw(new Error('stop'))).toEqual({ value: 'recovered', done: false });
    const [event] = ahead.events();
    const at = Number(/^caught stop at (\d+)$/.exec(String(event))?.[1]);
    // The throw lands where the worker had pulled to: within the batch in hand and the one ahead.
    expect(at).toBeGreaterThanOrEqual(1);
    expect(at).toBeLessThanOrEqual(3);
    expect([...iterator]).toEqual(Array.from({ length: 19 - at }, (_, i) => at + 1 + i));
    await paired.close();
  });

  it('serves other calls while a batch pulled ahead waits for something only they can do', {
    timeout: 15_000,
  }, () => {
    const iterator = gen.gated();
    expect(iterator.next()).toEqual({ value: 'first', done: false });
    // The worker now pulls ahead and waits on the gate; this call must still get through.
    expect(gen.open()).toBe('opened');
    expect(iterator.next()).toEqual({ value: 'second', done: false });
    expect(iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('rethrows into a generator that already finished', () => {
    const iterator = gen.returning();
    expect([...iterator]).toEqual(['a']);
    expect(() => iterator.throw(new Error('late'))).toThrow('late');
  });

  it('forwards an exception raised mid-stream after the items before it', () => {
    const seen: number[] = [];
    let caught: unknown;
    try {
      for (const value of gen.failsAfter(3)) seen.push(value);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(caught).toBeInstanceOf(RangeError);
    expect(caught).toMatchObject({ message: 'failed after 3', code: 'E_AFTER' });
  });

  it('returns the generator return value as the final result', () => {
    const iterator = gen.returning();
    expect(iterator.next()).toEqual({ value: 'a', done: false });
    expect(iterator.next()).toEqual({ value: 'the end', done: true });
    expect(iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('iterates sync generators of the worker the same way', () => {
    gen.events();
    expect([...gen.syncNumbers(5)]).toEqual([0, 1, 2, 3, 4]);
    for (const value of gen.syncNumbers(1000)) if (value === 2) break;
    expect(gen.events()).toEqual(['sync finally', 'sync finally']);
  });

  it('closes an abandoned generator on the worker once the iterator is collected', {
    timeout: 10_000,
  }, async () => {
    gen.events();
    (() => {
      const iterator = gen.numbers(1_000_000);
      iterator.next();
    })();
    for (let attempt = 0; attempt < 50; attempt++) {
      gc();
      await sleep(20);
      const events = gen.events();
      if (events.length > 0) {
        expect(events).toEqual(['finally']);
        return;
      }
    }
    throw new Error('the abandoned generator was never closed');
  });
});

describe('generators from async code', () => {
  it('iterates through the async twin with backpressure and early return', async () => {
    gen.events();
    const seen: number[] = [];
    for await (const value of gen.numbers.async(10_000)) {
      seen.push(value);
      expect(gen.producedSoFar()).toBeLessThanOrEqual(seen.length + 2 * 64);
      if (value === 199) break;
    }
    expect(seen).toHaveLength(200);
    expect(gen.events()).toEqual(['finally']);
  });

  it('forwards errors and return values to async consumers', async () => {
    const values: number[] = [];
    await expect(
      (async () => {
        for await (const value of gen.failsAfter(2)) values.push(value);
      })(),
    ).rejects.toThrow('failed after 2');
    expect(values).toEqual([0, 1]);
    const iterator = gen.returning.async();
    expect(await iterator.next()).toEqual({ value: 'a', done: false });
    expect(await iterator.next()).toEqual({ value: 'the end', done: true });
  });

  it('does not start the worker generator before the first next()', async () => {
    gen.events();
    const iterator = gen.tracked.async();
    await sleep(20);
    expect(gen.events()).toEqual([]);
    expect(await iterator.next()).toEqual({ value: 'only', done: false });
    expect(gen.events()).toEqual(['started']);
    await iterator.return(undefined);
  });
});
