import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Generators from './fixtures/generators.mjs';
import type * as Tracked from './fixtures/tracked.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const sync = new Synchronizer({ timeout: 10_000 });
const tracked = sync.load<typeof Tracked>(new URL('./fixtures/tracked.mjs', import.meta.url));
const gen = sync.load<typeof Generators>(new URL('./fixtures/generators.mjs', import.meta.url));
afterAll(() => sync.close());

/** Collects garbage on the caller until `check` holds (the FinalizationRegistry runs when it likes). */
async function eventually(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    gc();
    await sleep(15);
    if (check()) return;
  }
  throw new Error('condition never held');
}

describe('handle lifetime', () => {
  it('releases the worker object when its handle is garbage collected', { timeout: 10_000 }, async () => {
    const kept = new tracked.Tracked('kept');
    (() => new tracked.Tracked('dropped'))();
    await eventually(() => !tracked.alive().includes('dropped'));
    expect(tracked.alive()).toContain('kept');
    expect(kept.name).toBe('kept');
  });

  it('releases the worker object at once on dispose', () => {
    const handle = new tracked.Tracked('disposed');
    expect(tracked.alive()).toContain('disposed');
    handle[Symbol.dispose]();
    return eventually(() => !tracked.alive().includes('disposed'));
  });

  it('carries a disposal to the worker with the next blocking call, without yielding', () => {
    const handle = new tracked.Tracked('released in the same job');
    handle[Symbol.dispose]();
    // No await, no timer: the release rides in the request of this very call.
    expect(tracked.aliveAfterTurn()).not.toContain('released in the same job');
  });

  it('carries a disposal with a call whose arguments travel packed (they share an object)', () => {
    const handle = new tracked.Tracked('released beside packed arguments');
    handle[Symbol.dispose]();
    const record = { id: 1 };
    const { alive, same } = tracked.aliveAfterTurnWith(record, record);
    expect(same).toBe(true);
    expect(alive).not.toContain('released beside packed arguments');
  });

  it('keeps a handle alive while a call on it is in flight', { timeout: 10_000 }, async () => {
    const pending = (() => new tracked.Tracked('in flight').slowName.async(150))();
    await sleep(20);
    gc();
    await sleep(20);
    expect(tracked.alive()).toContain('in flight');
    expect(await pending).toBe('in flight');
    await eventually(() => !tracked.alive().includes('in flight'));
  });

  it('keeps an iterator alive while a pull is in flight, then closes it once dropped', {
    timeout: 10_000,
  }, async () => {
    gen.events();
    const next = (() => gen.slowLogged.async(5, 100)[Symbol.asyncIterator]().next())();
    await sleep(30);
    gc();
    await sleep(30);
    expect(gen.events()).toEqual([]);
    expect(await next).toEqual({ value: 0, done: false });
    await eventually(() => gen.events().includes('slow finally'));
  });
});
