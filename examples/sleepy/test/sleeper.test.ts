import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportedNames, findAsyncResidue, NameConvention } from '@anysync/codegen';
import { twinCases } from 'anysync/testing';
import { describe, expect, it } from 'vitest';
// The built twins: the sync backend's threads load compiled modules.
import * as asyncTwin from '../dist/async/index.js';
import * as syncTwin from '../dist/sync/index.js';

const cases = twinCases(
  { async: asyncTwin, sync: syncTwin },
  { backends: { async: ['timers', 'web'], sync: ['threads'] }, syncNeedsBlocking: true },
);

describe.each(cases)('$name', ({ api, backend, skip }) => {
  const seconds = 0.02;

  it.skipIf(skip)('does no I/O when constructed: the backend is chosen on first use', async () => {
    await using sleeper = new api.AsyncSleeper({ backend, seconds });
    expect(sleeper.backendName).toBeUndefined();
    await sleeper.sleep();
    expect(sleeper.backendName).toBe(backend);
  });

  it.skipIf(skip)('runs n naps and reports each of them', async () => {
    await using sleeper = new api.AsyncSleeper({ backend, seconds });
    const report = await sleeper.sleepALot(5);
    expect(report).toMatchObject({ naps: 5, seconds, backend });
    expect(report.longest).toBeGreaterThan(0);
    expect(await sleeper.sleepALot(0)).toMatchObject({ naps: 0, longest: 0 });
  });

  it.skipIf(skip)('runs rounds one after another and stops when the loop breaks', async () => {
    await using sleeper = new api.AsyncSleeper({ backend, seconds });
    const rounds: number[] = [];
    for await (const report of sleeper.sleepInRounds(5, 2)) {
      rounds.push(report.naps);
      if (rounds.length === 2) break;
    }
    expect(rounds).toEqual([2, 2]);
  });

  it.skipIf(skip)('starts again after close', async () => {
    const sleeper = new api.AsyncSleeper({ backend, seconds });
    await sleeper.sleepALot(2);
    await sleeper.close();
    expect(sleeper.backendName).toBeUndefined();
    expect((await sleeper.sleepALot(2)).naps).toBe(2);
    await sleeper.close();
  });

  it('refuses bad counts and options in the call or constructor that got them', async () => {
    await using sleeper = new api.AsyncSleeper({ backend, seconds });
    await expect(sleeper.sleepALot(-1)).rejects.toThrow(RangeError);
    await expect(sleeper.sleepALot(1.5)).rejects.toThrow(/whole number/);
    expect(() => new api.AsyncSleeper({ seconds: Number.NaN })).toThrow(/seconds/);
    expect(() => new api.AsyncSleeper({ threads: 0 })).toThrow(/threads/);
    expect(sleeper.backendName).toBeUndefined();
  });
});

describe('the backends', () => {
  it('refuse the other color', async () => {
    await expect(new asyncTwin.AsyncSleeper({ backend: 'threads' }).sleep(0)).rejects.toThrow(/sync backend/);
    expect(() => new syncTwin.Sleeper({ backend: 'timers' }).sleep(0)).toThrow(/async backend/);
  });

  it('pick timers for the async twin on a server runtime', async () => {
    await using sleeper = new asyncTwin.AsyncSleeper({ seconds: 0 });
    await sleeper.sleep();
    expect(sleeper.backendName).toBe('timers');
  });
});

describe('the generated sync twin', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = (color: string) => path.join(here, '..', 'src', color);
  const files = readdirSync(dir('sync')).filter((file) => file.endsWith('.ts'));

  it('exists for every async source', () => {
    expect(files.sort()).toEqual(readdirSync(dir('async')).sort());
  });

  it.each(files)('%s has no async, await or Promise left', (file) => {
    expect(findAsyncResidue(readFileSync(path.join(dir('sync'), file), 'utf8'), file)).toEqual([]);
  });

  it.each(files)('%s exports the same names as its async source, renamed by the convention', (file) => {
    const names = new NameConvention();
    const asyncNames = exportedNames(readFileSync(path.join(dir('async'), file), 'utf8'), file);
    const syncNames = exportedNames(readFileSync(path.join(dir('sync'), file), 'utf8'), file);
    expect(syncNames).toEqual(asyncNames.map((name) => names.syncName(name) ?? name).sort());
  });
});
