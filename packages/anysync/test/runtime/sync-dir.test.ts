import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opendirSync } from '../../src/runtime/opendir-sync.js';
import { outcome } from './support/twin-outcome.js';

const root = mkdtempSync(path.join(tmpdir(), 'anysync-dir-'));
for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(root, name), name);
mkdirSync(path.join(root, 'sub'));
writeFileSync(path.join(root, 'sub', 'd.txt'), 'd');

afterAll(() => rmSync(root, { recursive: true, force: true }));

const describeEntry = (entry: {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  parentPath?: string;
}) => ({
  name: entry.name,
  file: entry.isFile(),
  directory: entry.isDirectory(),
  parentPath: entry.parentPath,
});
const sorted = <T extends { name: string; parentPath?: string | undefined }>(entries: T[]): T[] =>
  entries.sort((a, b) => `${a.parentPath}/${a.name}`.localeCompare(`${b.parentPath}/${b.name}`));

describe('SyncDir, against the Dir of fs/promises opendir', () => {
  it('iterates the same entries, also recursively and with a small buffer', async () => {
    for (const options of [
      undefined,
      { recursive: true },
      { bufferSize: 1 },
      { encoding: 'utf8' as const },
    ]) {
      const expected = [];
      for await (const entry of await opendir(root, options)) expected.push(describeEntry(entry));
      const actual = [...opendirSync(root, options)].map(describeEntry);
      expect(sorted(actual), JSON.stringify(options)).toEqual(sorted(expected));
    }
  });

  it('reads entry by entry, then null, and keeps the path it was opened with', async () => {
    const dir = await opendir(root);
    const syncDir = opendirSync(root);
    expect(syncDir.path).toBe(dir.path);
    const expected = [];
    for (let entry = await dir.read(); entry !== null; entry = await dir.read())
      expected.push(describeEntry(entry));
    const actual = [];
    for (let entry = syncDir.read(); entry !== null; entry = syncDir.read())
      actual.push(describeEntry(entry));
    expect(sorted(actual)).toEqual(sorted(expected));
    expect(syncDir.read()).toBe(await dir.read());
    await dir.close();
    syncDir.close();
  });

  it('closes when the loop ends or exits early, and then fails like Dir', async () => {
    const steps: [string, (dir: { read(): unknown; close(): unknown }) => unknown][] = [
      ['read after close', (dir) => dir.read()],
      ['close after close', (dir) => dir.close()],
    ];
    for (const [what, step] of steps) {
      const dir = await opendir(root);
      for await (const _ of dir) break;
      const syncDir = opendirSync(root);
      for (const _ of syncDir) break;
      expect(await outcome(() => step(syncDir), root), what).toEqual(await outcome(() => step(dir), root));
      expect((await outcome(() => step(syncDir), root)) as object).toHaveProperty(
        'error.code',
        'ERR_DIR_CLOSED',
      );
    }
  });

  it('fails to open like opendir', async () => {
    for (const name of ['missing', 'a.txt']) {
      const target = path.join(root, name);
      expect(await outcome(() => opendirSync(target), root)).toEqual(
        await outcome(() => opendir(target), root),
      );
    }
  });

  it('closes with `using` unless closed already', () => {
    let outer: ReturnType<typeof opendirSync> | undefined;
    {
      using dir = opendirSync(root);
      outer = dir;
      expect(dir.read()).not.toBe(null);
    }
    expect(() => outer?.read()).toThrow(expect.objectContaining({ code: 'ERR_DIR_CLOSED' }));
    {
      using dir = opendirSync(root);
      dir.close();
    }
  });
});
