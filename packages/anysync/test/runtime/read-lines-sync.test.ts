import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openSync } from '../../src/runtime/open-sync.js';
import type { ReadLinesSyncOptions } from '../../src/runtime/read-stream-options.js';
import { readLinesSync } from '../../src/runtime/read-lines-sync.js';
import { outcome } from './support/twin-outcome.js';

const root = mkdtempSync(path.join(tmpdir(), 'anysync-lines-'));
let fileCount = 0;

afterAll(() => rmSync(root, { recursive: true, force: true }));

function fileWith(content: string | Uint8Array): string {
  const file = path.join(root, `file-${fileCount++}.txt`);
  writeFileSync(file, content);
  return file;
}

/** The lines the readline-over-a-stream idiom yields (its async original). */
async function readlineLines(
  file: string,
  options?: ReadLinesSyncOptions | BufferEncoding,
): Promise<string[]> {
  const lines: string[] = [];
  const input = createReadStream(file, options as Parameters<typeof createReadStream>[1]);
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) lines.push(line);
  return lines;
}

// Pieces that stress the cutting: every line ending, a CR at a chunk's end, characters of 2 to 4 bytes
// split across chunks, and bytes that are not UTF-8.
const piece = fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', '\n\r', 'é', '€', '😀', ' ', '\u2028');
const content = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((pieces) => Buffer.from(pieces.join(''))),
  fc.array(piece, { maxLength: 20 }).map((pieces) => Buffer.from(pieces.join(''), 'utf16le')),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
);

describe('readLinesSync, against readline over fs.createReadStream', () => {
  it('yields the same lines for any content, chunk size and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(undefined, 'utf8', 'latin1', 'utf16le', 'base64'),
        async (bytes, highWaterMark, encoding) => {
          const file = fileWith(bytes);
          const options = { highWaterMark, ...(encoding === undefined ? {} : { encoding }) } as const;
          expect([...readLinesSync(file, options)]).toEqual(await readlineLines(file, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same byte range as createReadStream', async () => {
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.nat(45),
        fc.nat(45),
        fc.integer({ min: 1, max: 9 }),
        async (bytes, a, b, highWaterMark) => {
          const file = fileWith(bytes);
          const options = { start: Math.min(a, b), end: Math.max(a, b), highWaterMark };
          expect([...readLinesSync(file, options)]).toEqual(await readlineLines(file, options));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handles the usual files: a last line without newline, empty lines, CRLF, an empty file', async () => {
    for (const text of ['', '\n', 'one', 'one\ntwo', 'one\ntwo\n', 'a\r\n\r\nb\r\n', 'x\ry\r', '\n\n\n']) {
      const file = fileWith(text);
      expect([...readLinesSync(file)], JSON.stringify(text)).toEqual(await readlineLines(file));
      expect([...readLinesSync(file, 'latin1')], JSON.stringify(text)).toEqual(
        await readlineLines(file, 'latin1'),
      );
    }
  });

  it('joins a CR and an LF that arrive in different chunks of a multi-byte encoding', async () => {
    const file = fileWith(Buffer.from('a\r\nb\r\r\nc', 'utf16le'));
    for (let highWaterMark = 1; highWaterMark < 8; highWaterMark += 1) {
      const options = { encoding: 'utf16le', highWaterMark } as const;
      expect([...readLinesSync(file, options)], String(highWaterMark)).toEqual(
        await readlineLines(file, options),
      );
    }
  });

  it('streams a large file in chunks of highWaterMark bytes', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}`);
    const file = fileWith(`${lines.join('\r\n')}\r\n`);
    expect([...readLinesSync(file)]).toEqual(lines);
    expect([...readLinesSync(file, { highWaterMark: 1000 })]).toEqual(
      await readlineLines(file, { highWaterMark: 1000 }),
    );
  });

  it('fails like the async idiom: the file system error, from the iteration', async () => {
    const missing = path.join(root, 'missing.txt');
    const expected = await outcome(() => readlineLines(missing), root);
    const lines = readLinesSync(missing);
    expect(await outcome(() => [...lines], root)).toEqual(expected);
    expect(await outcome(() => [...readLinesSync(root)], root)).toEqual(
      await outcome(() => readlineLines(root), root),
    );
  });

  it('checks its options at the call', () => {
    const file = fileWith('x');
    expect(() => readLinesSync(file, { start: 5, end: 2 })).toThrow(RangeError);
    expect(() => readLinesSync(file, { start: -1 })).toThrow(/options.start must be an integer >= 0, got -1/);
    expect(() => readLinesSync(file, { highWaterMark: 0 })).toThrow(/highWaterMark/);
    expect(() => readLinesSync(file, { encoding: 'klingon' as BufferEncoding })).toThrow(/not an encoding/);
    expect(() => readLinesSync(file, { signal: AbortSignal.abort() } as never)).toThrow(
      /options.signal is not supported/,
    );
    expect(() => readLinesSync(file, 42 as never)).toThrow(TypeError);
  });

  it('closes the file when the loop exits early', () => {
    const file = fileWith('a\nb\nc\n');
    const lines = readLinesSync(file);
    expect(lines.next()).toEqual({ value: 'a', done: false });
    expect(lines.return(undefined)).toEqual({ value: undefined, done: true });
    // A second pass opens the file afresh.
    expect([...readLinesSync(file)]).toEqual(['a', 'b', 'c']);
  });
});

describe('SyncFileHandle.readLines, against FileHandle.readLines', () => {
  it('yields the same lines from the current position or a range, and closes the handle after', async () => {
    const file = fileWith('first\r\nsecond\rthird\nlast');
    const cases: (ReadLinesSyncOptions | undefined)[] = [
      undefined,
      { start: 3 },
      { start: 2, end: 12 },
      { encoding: 'latin1' },
    ];
    for (const options of cases) {
      const asyncHandle = await open(file);
      await asyncHandle.read(Buffer.alloc(2));
      const expected: string[] = [];
      for await (const line of asyncHandle.readLines(options)) expected.push(line);
      const syncHandle = openSync(file);
      syncHandle.read(Buffer.alloc(2));
      expect([...syncHandle.readLines(options)], JSON.stringify(options)).toEqual(expected);
      expect(syncHandle.fd).toBe(asyncHandle.fd);
      expect(syncHandle.fd).toBe(-1);
    }
  });

  it('keeps the handle open with autoClose: false, and closes it on an early exit otherwise', async () => {
    const file = fileWith('a\nb\n');
    const kept = openSync(file);
    expect([...kept.readLines({ autoClose: false })]).toEqual(['a', 'b']);
    expect(kept.fd).toBeGreaterThanOrEqual(0);
    kept.close();
    const left = openSync(file);
    for (const line of left.readLines()) if (line === 'a') break;
    expect(left.fd).toBe(-1);
  });
});
