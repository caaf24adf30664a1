import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rows as batch } from './public-inputs/batch.js';
import { rows as cache } from './public-inputs/cache.js';
import { rows as concurrency } from './public-inputs/concurrency.js';
import { rows as dualQueue } from './public-inputs/dual-queue.js';
import { rows as iterate } from './public-inputs/iterate.js';
import { rows as offload } from './public-inputs/offload.js';
import { rows as primitives } from './public-inputs/primitives.js';
import { rows as rateLimit } from './public-inputs/rate-limit.js';
import type { Case, Rows } from './public-inputs/row.js';
import { rows as runtime } from './public-inputs/runtime.js';
import { rows as schedule } from './public-inputs/schedule.js';
import { rows as shutdown } from './public-inputs/shutdown.js';
import { rows as testing } from './public-inputs/testing.js';

/**
 * Every public value of every subpath of `anysync` (but `anysync/synchronizer`, whose area keeps its own
 * table) refuses a wrong type and an impossible value at the call, with a TypeError or RangeError whose
 * message names the input and shows the value. The subpaths come from the package's `exports` map and
 * the names from each entry module, so a new subpath or a new export without rows fails here.
 */
const tables: Readonly<Record<string, Rows>> = {
  './runtime': runtime,
  './concurrency': concurrency,
  './primitives': primitives,
  './testing': testing,
  './cache': cache,
  './rate-limit': rateLimit,
  './batch': batch,
  './iterate': iterate,
  './schedule': schedule,
  './dual-queue': dualQueue,
  './shutdown': shutdown,
  './offload': offload,
};
// anysync/synckit is synckit's API over the Synchronizer: its area's, with the Synchronizer's checks.
const OTHER_AREAS = new Set(['./synchronizer', './synckit', './package.json']);

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
};
const subpaths = Object.keys(manifest.exports).filter((subpath) => !OTHER_AREAS.has(subpath));

/**
 * Runs a case: it must throw at once (not return a promise that rejects later), the right class and text;
 * or, for a store's method, return a promise that rejects so.
 */
async function expectRefused([call, errorClass, message, how]: Case): Promise<void> {
  let thrown: unknown;
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    thrown = error;
  }
  if (how === 'rejects') {
    expect(thrown, 'threw instead of rejecting').toBeUndefined();
    expect(returned).toBeInstanceOf(Promise);
    thrown = await (returned as Promise<unknown>).then(
      () => undefined,
      (error: unknown) => error,
    );
  } else if (returned instanceof Promise) returned.catch(() => {}); // keep a late rejection from going unhandled
  expect(thrown, `did not throw at the call (returned ${String(returned)})`).toBeInstanceOf(errorClass);
  // A RangeError is not a TypeError and vice versa: the class tells a wrong type from an impossible value.
  expect((thrown as Error).constructor).toBe(errorClass);
  expect((thrown as Error).message).toContain(message);
}

it('has a table for every subpath of the exports map, and no other', () => {
  expect(Object.keys(tables).sort()).toEqual([...subpaths].sort());
});

describe.each(subpaths)('anysync%s', (subpath) => {
  const table = tables[subpath] ?? {};

  it('has rows for every exported value, and only for those', async () => {
    const module = (await import(`../src/${subpath.slice(2)}/index.ts`)) as Record<string, unknown>;
    expect(Object.keys(table).sort()).toEqual(Object.keys(module).sort());
  });

  it.each(Object.entries(table))('%s refuses bad input at the call', async (name, row) => {
    if ('noInputs' in row) {
      const module = (await import(`../src/${subpath.slice(2)}/index.ts`)) as Record<string, unknown>;
      expect((module[name] as (...args: unknown[]) => unknown).length, `${name} takes arguments`).toBe(0);
      return;
    }
    if ('anyValue' in row) {
      const module = (await import(`../src/${subpath.slice(2)}/index.ts`)) as Record<string, unknown>;
      const fn = module[name] as (value: unknown) => unknown;
      for (const value of [undefined, null, 0, Number.NaN, '', {}, [], Symbol('s'), () => {}]) {
        expect(() => fn(value)).not.toThrow();
      }
      return;
    }
    if ('coveredBy' in row) {
      const [owner] = row.coveredBy.split(' ');
      const own = (await import(`../src/${subpath.slice(2)}/index.ts`)) as Record<string, unknown>;
      const other = (await import(`../src/${(owner as string).replace('anysync/', '')}/index.ts`)) as Record<
        string,
        unknown
      >;
      expect(own[name], `${name} is not the same value as in ${owner}`).toBe(other[name]);
      return;
    }
    expect(row.wrongType.length, 'at least one wrong-type case').toBeGreaterThan(0);
    for (const refused of row.wrongType) await expectRefused(refused);
    if ('none' in row.outOfRange) {
      expect(row.outOfRange.none.length, 'say why no value is out of range').toBeGreaterThan(0);
    } else {
      expect(row.outOfRange.length, 'at least one out-of-range case').toBeGreaterThan(0);
      for (const refused of row.outOfRange) await expectRefused(refused);
    }
  });
});
