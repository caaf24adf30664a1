import { describe, expect, it } from 'vitest';
import { twinCases } from '../../src/testing/twin-cases.js';
import * as asyncTwin from './fixtures/counter-async.js';
import * as syncTwin from './fixtures/counter-sync.js';

const twins = { async: asyncTwin, sync: syncTwin };

describe('twinCases()', () => {
  it('names one case per color', () => {
    expect(
      twinCases(twins).map(({ name, color, isAsync, skip }) => ({ name, color, isAsync, skip })),
    ).toEqual([
      { name: 'async twin', color: 'async', isAsync: true, skip: undefined },
      { name: 'sync twin', color: 'sync', isAsync: false, skip: undefined },
    ]);
  });

  it('crosses colors with backends, one list for both or one per color', () => {
    expect(twinCases(twins, { backends: ['a', 'b'] }).map((c) => c.name)).toEqual([
      'async twin on a',
      'async twin on b',
      'sync twin on a',
      'sync twin on b',
    ]);
    expect(
      twinCases(twins, { backends: { async: ['timers', 'web'], sync: ['threads'] } }).map((c) => c.name),
    ).toEqual(['async twin on timers', 'async twin on web', 'sync twin on threads']);
  });

  it('keeps only the colors asked for', () => {
    expect(twinCases(twins, { colors: ['sync'] }).map((c) => c.name)).toEqual(['sync twin']);
  });

  it('gives a skip reason, shown in the name', () => {
    const cases = twinCases(twins, { skip: ({ color }) => (color === 'sync' ? 'needs a disk' : undefined) });
    expect(cases.map((c) => [c.name, c.skip])).toEqual([
      ['async twin', undefined],
      ['sync twin (skipped: needs a disk)', 'needs a disk'],
    ]);
  });

  it('runs the sync twin where the thread may block (Node)', () => {
    expect(twinCases(twins, { syncNeedsBlocking: true }).every((c) => c.skip === undefined)).toBe(true);
  });

  it('hands the async twin itself and the sync twin through the async API', () => {
    const [asyncCase, syncCase] = twinCases(twins);
    expect(asyncCase?.api).toBe(asyncTwin);
    expect(syncCase?.api).not.toBe(syncTwin);
    expect(syncCase?.api.AsyncCounter).toBeDefined();
  });

  it('refuses twins and options that would make no case or a wrong one', () => {
    expect(() => twinCases({ async: asyncTwin } as never)).toThrow(
      new TypeError(
        'twinCases(): twins.sync must be a module namespace or an object of exports, got undefined',
      ),
    );
    expect(() => twinCases(twins, { colors: ['async', 'blocking'] as never })).toThrow(
      "twinCases(): colors must be an array of 'async' and 'sync', got 'blocking' (string)",
    );
    expect(() => twinCases(twins, { backends: { async: ['a'] } as never })).toThrow(TypeError);
    expect(() => twinCases(twins, { syncNeedsBlocking: 'yes' as never })).toThrow(TypeError);
    expect(() => twinCases(twins, { renames: { a: 1 } as never })).toThrow(TypeError);
  });
});

// The point of it all: one body, both twins.
describe.each(twinCases(twins))('$name', ({ api }) => {
  it('counts, iterates and disposes the same way', async () => {
    await using counter = await api.AsyncCounter.create(2);
    expect(await counter.incrementAsync()).toBe(2);
    const values: number[] = [];
    for await (const value of counter.countTo(6)) values.push(value);
    expect(values).toEqual([4, 6]);
    await expect(counter.fail('broken')).rejects.toThrow('broken');
  });
});
