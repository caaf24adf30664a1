import type * as NodeFs from 'node:fs';
import type { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from './line-splitter.js';
import { requireBuiltin } from './require-builtin.js';

/** What a range of a file is read with: `createReadStream`'s options that shape the data. */
export interface FdRange {
  readonly encoding: BufferEncoding | undefined;
  readonly start: number | undefined;
  readonly end: number;
  readonly highWaterMark: number;
}

/**
 * The lines of an open file, read in chunks of `highWaterMark` bytes the way a `fs.ReadStream` reads
 * them (from `start`, or from the file's current position, up to `end` inclusive) and cut as `readline`
 * cuts them: with `encoding`, the stream decodes (and flushes its decoder at the end); without it,
 * readline decodes as UTF-8 and drops an incomplete character at the very end.
 */
export function* linesOfFd(fs: typeof NodeFs, fd: number, range: FdRange, caller: string): Generator<string> {
  const Decoder = requireBuiltin<typeof import('node:string_decoder')>(
    'node:string_decoder',
    caller,
  ).StringDecoder;
  const decoder: StringDecoder = new Decoder(range.encoding ?? 'utf8');
  const splitter = new LineSplitter();
  const limit = range.end - (range.start ?? 0) + 1;
  const chunk = new Uint8Array(range.highWaterMark);
  let consumed = 0;
  while (consumed < limit) {
    const wanted = Math.min(range.highWaterMark, limit - consumed);
    const position = range.start === undefined ? null : range.start + consumed;
    const bytesRead = fs.readSync(fd, chunk, 0, wanted, position);
    if (bytesRead === 0) break;
    consumed += bytesRead;
    const text = decoder.write(chunk.subarray(0, bytesRead));
    // A decoding stream passes no empty text on; readline's own decoder does, which ends a pending `\r`.
    if (text.length > 0 || range.encoding === undefined) yield* splitter.push(text);
  }
  if (range.encoding !== undefined) {
    const rest = decoder.end();
    if (rest.length > 0) yield* splitter.push(rest);
  }
  const last = splitter.end();
  if (last !== undefined) yield last;
}
