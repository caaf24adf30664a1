import { describe, expect, it } from 'vitest';
import { asyncView } from '../../src/testing/async-view.js';
import * as asyncTwin from './fixtures/counter-async.js';
import * as syncTwin from './fixtures/counter-sync.js';

describe('asyncView()', () => {
  const lib = asyncView(syncTwin, asyncTwin);

  it('finds renamed exports under their async names and keeps the rest as they are', async () => {
    expect(await lib.addAsync(2, 3)).toBe(5);
    expect(lib.double(4)).toBe(8);
    expect(lib.VERSION).toBe('1.0');
  });

  it('returns promises where the async twin is async, and plain values where it is not', () => {
    const counter = new lib.AsyncCounter(2);
    const result = counter.incrementAsync();
    expect(result).toBeInstanceOf(Promise);
    expect(counter.label()).toBe('counter by 2');
    expect(counter.count).toBe(2);
  });

  it('keeps private fields working and the instance an instance of the sync class', async () => {
    const counter = new lib.AsyncCounter(3);
    await counter.incrementAsync();
    expect(counter.count).toBe(3);
    expect(counter).toBeInstanceOf(lib.AsyncCounter);
    expect(counter).toBeInstanceOf(syncTwin.Counter);
  });

  it('turns a sync throw into a rejection', async () => {
    const counter = new lib.AsyncCounter();
    const failing = counter.fail('nope');
    await expect(failing).rejects.toThrow('nope');
  });

  it('iterates a sync generator with for await, and a break reaches its finally block', async () => {
    const counter = new lib.AsyncCounter();
    const seen: number[] = [];
    for await (const value of counter.countTo(10)) {
      seen.push(value);
      if (value === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(counter.closed).toBe(true);
  });

  it('passes a view back as the sync object it stands for', async () => {
    const a = new lib.AsyncCounter(1);
    const b = new lib.AsyncCounter(5);
    await b.incrementAsync();
    expect(await a.merge(b)).toBe(5);
  });

  it('wraps returned instances, static methods and asyncDispose', async () => {
    const created = await lib.AsyncCounter.create(4);
    const spawned = await created.spawn();
    expect(await spawned.incrementAsync()).toBe(8);
    {
      await using disposable = spawned;
      expect(disposable.closed).toBe(false);
    }
    expect(spawned.closed).toBe(true);
  });

  it('uses configured renames first', async () => {
    const renamed = asyncView(
      { close: () => 'closed' },
      { aclose: async () => 'x' },
      { renames: { aclose: 'close' } },
    );
    expect(await renamed.aclose()).toBe('closed');
  });
});
