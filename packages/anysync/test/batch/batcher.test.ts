import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchError } from '../../src/batch/batch-error.js';
import { Batcher } from '../../src/batch/batcher.js';
import { sleep } from '../../src/concurrency/sleep.js';
import { TimeoutError } from '../../src/concurrency/timeout-error.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

/** A batcher that records each batch with the virtual time it was dispatched at. */
function recording(options: { maxSize: number; maxWait: number; concurrency?: number; work?: number }) {
  const batches: string[] = [];
  const batcher = new Batcher<number>({
    ...options,
    dispatch: async (items) => {
      batches.push(`${items.join(',')}@${clock.now()}`);
      if (options.work !== undefined) await sleep(options.work);
    },
  });
  return { batches, batcher };
}

describe('Batcher', () => {
  it('dispatches a lone item exactly maxWait after it arrived (async-utils waits nearly twice that)', async () => {
    const { batches, batcher } = recording({ maxSize: 10, maxWait: 200 });
    await clock.advance(35); // the item does not arrive at a round time
    batcher.add(1);
    await clock.advance(199);
    expect(batches).toEqual([]);
    await clock.advance(1);
    expect(batches).toEqual(['1@235']);
    await batcher.stop();
  });

  it('measures the window from the batch’s first item, not from the last one', async () => {
    const { batches, batcher } = recording({ maxSize: 10, maxWait: 100 });
    batcher.add(1);
    await clock.advance(90);
    batcher.add(2);
    await clock.advance(10);
    expect(batches).toEqual(['1,2@100']);
    batcher.add(3); // a new batch, a new window
    await clock.advance(100);
    expect(batches).toEqual(['1,2@100', '3@200']);
    await batcher.stop();
  });

  it('dispatches at once when a batch reaches maxSize', async () => {
    const { batches, batcher } = recording({ maxSize: 3, maxWait: 50 });
    for (let i = 1; i <= 7; i++) batcher.add(i);
    await clock.settle();
    expect(batches).toEqual(['1,2,3@0', '4,5,6@0']);
    await clock.advance(50);
    expect(batches).toEqual(['1,2,3@0', '4,5,6@0', '7@50']);
    expect(clock.pendingTimers).toBe(0);
    await batcher.stop();
  });

  it('with maxWait 0, dispatches at the end of the current turn', async () => {
    const { batches, batcher } = recording({ maxSize: 100, maxWait: 0 });
    batcher.add(1);
    await Promise.resolve();
    batcher.add(2); // a promise callback of the same turn
    expect(batches).toEqual([]);
    await clock.settle();
    expect(batches).toEqual(['1,2@0']);
    await batcher.stop();
  });

  it('runs at most concurrency dispatches at once; ready batches wait their turn', async () => {
    const { batches, batcher } = recording({ maxSize: 1, maxWait: 10, concurrency: 1, work: 30 });
    batcher.add(1);
    batcher.add(2);
    batcher.add(3);
    expect(batcher.stats()).toMatchObject({ running: 1, queued: 2 });
    await clock.runAll();
    expect(batches).toEqual(['1@0', '2@30', '3@60']);
    expect(batcher.stats()).toMatchObject({ running: 0, queued: 0, dispatched: 3, items: 3 });
    await batcher.stop();
  });

  it('hands every failure to onError with its items', async () => {
    const failures: string[] = [];
    const batcher = new Batcher<number>({
      maxSize: 2,
      maxWait: 10,
      dispatch: (items) => {
        if (items[0] === 1) throw new Error('sync failure');
        return Promise.reject(new Error('async failure'));
      },
      onError: (error, items) => failures.push(`${(error as Error).message}: ${items}`),
    });
    for (const n of [1, 2, 3, 4]) batcher.add(n);
    await batcher.stop();
    expect(failures).toEqual(['sync failure: 1,2', 'async failure: 3,4']);
    expect(batcher.stats().failed).toBe(2);
  });

  it('without onError, stop() throws every failure; errors of a throwing handler too', async () => {
    const plain = new Batcher<number>({
      maxSize: 1,
      maxWait: 10,
      dispatch: async (items) => {
        throw new Error(`lost ${items[0]}`);
      },
    });
    plain.add(1);
    plain.add(2);
    const error = await plain.stop().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).message).toBe('2 batches failed; first: lost 1');
    expect((error as BatchError).errors.map((e) => (e as Error).message)).toEqual(['lost 1', 'lost 2']);

    const handled = new Batcher<number>({
      maxSize: 1,
      maxWait: 10,
      dispatch: () => Promise.reject(new Error('x')),
      onError: () => {
        throw new Error('handler broke');
      },
    });
    handled.add(1);
    await expect(handled.stop()).rejects.toThrow('1 batch failed; first: handler broke');
  });

  it('stop() flushes the partial batch at once, waits for dispatches, then refuses items', async () => {
    const { batches, batcher } = recording({ maxSize: 5, maxWait: 1000, work: 40 });
    batcher.add(1);
    batcher.add(2);
    let stopped = false;
    const stopping = batcher.stop().then(() => (stopped = true));
    expect(batches).toEqual(['1,2@0']);
    await clock.advance(39);
    expect(stopped).toBe(false);
    await clock.advance(1);
    await stopping;
    expect(() => batcher.add(3)).toThrow('Batcher.add(): the batcher is stopped');
    expect(batcher.stats().stopped).toBe(true);
    expect(batcher.stop()).toBe(batcher.stop());
  });

  it('stop() gives up at finalizeTimeout: aborts running dispatches, reports undispatched batches', async () => {
    const failures: unknown[] = [];
    let signal: AbortSignal | undefined;
    const batcher = new Batcher<number>({
      maxSize: 1,
      maxWait: 10,
      concurrency: 1,
      finalizeTimeout: 100,
      dispatch: (_items, dispatchSignal) => {
        signal = dispatchSignal;
        return new Promise(() => {}); // ignores the signal and never settles
      },
      onError: (error, items) => failures.push([error, items]),
    });
    batcher.add(1);
    batcher.add(2);
    const stopping = batcher.stop();
    await clock.advance(100);
    await stopping;
    expect(signal?.aborted).toBe(true);
    expect(failures).toHaveLength(1);
    const [error, items] = failures[0] as [Error, number[]];
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      'Batcher.stop(): finalizeTimeout (100 ms) passed before this batch could be dispatched',
    );
    expect(items).toEqual([2]);
  });

  it('flushes when an await using block ends', async () => {
    const batches: number[][] = [];
    {
      await using batcher = new Batcher<number>({
        maxSize: 10,
        maxWait: 1000,
        dispatch: (b) => batches.push(b),
      });
      batcher.add(1);
      batcher.flush();
      batcher.add(2);
    }
    expect(batches).toEqual([[1], [2]]);
  });

  it('explains invalid options', () => {
    const dispatch = () => {};
    expect(() => new Batcher({ maxSize: 0, maxWait: 1, dispatch })).toThrow(
      'Batcher: maxSize must be an integer >= 1 or Infinity, got 0',
    );
    expect(() => new Batcher(undefined as never)).toThrow(
      new TypeError(
        'Batcher: options must be an object such as { maxSize, maxWait, dispatch }, got undefined',
      ),
    );
    expect(() => new Batcher({ maxWait: 1, dispatch } as never)).toThrow(
      new TypeError('Batcher: maxSize must be an integer >= 1 or Infinity, got undefined'),
    );
    expect(() => new Batcher({ maxSize: 1, maxWait: -1, dispatch })).toThrow(
      'Batcher: maxWait must be a finite number of milliseconds >= 0, got -1',
    );
    expect(() => new Batcher({ maxSize: 1, maxWait: 1, dispatch: 'x' as never })).toThrow(
      "Batcher: dispatch must be a function, got 'x' (string)",
    );
    expect(() => new Batcher({ maxSize: 1, maxWait: 1, dispatch, concurrency: 0 })).toThrow(RangeError);
    expect(() => new Batcher({ maxSize: 1, maxWait: 1, dispatch, concurrency: 1.5 })).toThrow(RangeError);
    expect(() => new Batcher({ maxSize: 1, maxWait: 1, dispatch, maxwait: 5 } as never)).toThrow(
      "Batcher: unknown option 'maxwait' (did you mean 'maxWait'?)",
    );
    expect(() => new Batcher({ maxSize: 1, maxWait: 1, dispatch, finalizeTimeout: -5 })).toThrow(RangeError);
  });
});
