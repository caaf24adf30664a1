import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Synchronizer } from '../../dist/synchronizer/index.js';
import { tempDir } from '../support/temp-dir.js';

const sync = new Synchronizer({ timeout: 10_000 });
const fs = sync.load<typeof import('node:fs/promises')>('node:fs/promises');
const nodeFs = sync.load<typeof import('node:fs')>('node:fs');
const readline = sync.load<typeof import('node:readline')>('node:readline');
afterAll(() => sync.close());

const LINES = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`);
const file = join(tempDir('anysync-lines-'), 'lines.txt');
writeFileSync(file, `${LINES.join('\n')}\n`);

/**
 * The caller does other work before its loop starts: long enough for the worker to stop lingering and run
 * its event loop, which reads the input and emits lines.
 */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
}

describe('readline interfaces iterated from the caller', () => {
  it('keeps every line of FileHandle.readLines() read before the loop starts', () => {
    const handle = fs.open(file);
    const lines = handle.readLines();
    busyFor(50);
    const got: string[] = [];
    for (const line of lines) got.push(line);
    handle.close();
    // More lines than readline buffers (1,024): the input was paused, not dropped, while none were taken.
    expect(got).toEqual(LINES);
  });

  it('keeps every line of readline.createInterface() over a stream', () => {
    const input = nodeFs.createReadStream(file);
    // The stream's handle arrives on the worker as the stream (`Passable` types only top-level handles).
    const lines = readline.createInterface({ input: input as never, crlfDelay: Number.POSITIVE_INFINITY });
    busyFor(50);
    expect([...lines]).toEqual(LINES);
  });

  it('leaves an interface that is never iterated usable', () => {
    const handle = fs.open(file);
    const lines = handle.readLines();
    busyFor(20);
    lines.close();
    handle.close();
    expect(() => handle.stat()).toThrow(/closed/);
  });
});
