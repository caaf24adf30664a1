import type * as NodeFs from 'node:fs';
import { describeValue } from '../internal/describe-value.js';
import { codedError } from './coded-error.js';
import { linesOfFd } from './fd-lines.js';
import { type ReadLinesSyncOptions, readRangeOf } from './read-stream-options.js';
import { requireBuiltin } from './require-builtin.js';

/**
 * The lines of a file, read in chunks: the sync twin of iterating
 * `readline.createInterface({ input: fs.createReadStream(path, options), crlfDelay: Infinity })` with
 * `for await`, which `anysync generate` rewrites to `for (const line of readLinesSync(path, options))`.
 *
 * Lines are cut as readline cuts them: at `\n`, `\r\n` and a lone `\r`, without the line ending; the text
 * after the last line ending is the last line, unless it is empty. The file is read `highWaterMark` bytes
 * at a time (64 KiB), never whole, from `start` to `end` (inclusive) like `fs.createReadStream`. The file
 * opens on the first `next()` and closes when the lines run out, on `break`, or on an error. Errors are
 * the file system's (`ENOENT`, `EISDIR`, …), thrown from the iteration as the async version rejects it.
 *
 * Runs where `node:fs` exists (Node, Bun, Deno); elsewhere the first `next()` throws.
 *
 * @example
 * ```ts
 * import { readLinesSync } from 'anysync/runtime';
 *
 * let count = 0;
 * for (const line of readLinesSync('access.log')) if (line.includes(' 500 ')) count += 1;
 * console.log(count);
 * ```
 */
export function readLinesSync(
  path: string | URL | Uint8Array,
  options?: ReadLinesSyncOptions | BufferEncoding,
): Generator<string, undefined, undefined> {
  // Checked at the call, as fs.createReadStream() checks it, not at the first line read.
  if (typeof path !== 'string' && !(path instanceof URL) && !(path instanceof Uint8Array)) {
    const message = `readLinesSync: path must be a string, a Buffer or a URL, got ${describeValue(path)}`;
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', message);
  }
  const range = readRangeOf(options, 'readLinesSync');
  const flags = typeof options === 'object' ? options?.flags : undefined;
  const mode = typeof options === 'object' ? options?.mode : undefined;
  return readLines(path, range, flags ?? 'r', mode ?? 0o666);
}

function* readLines(
  path: string | URL | Uint8Array,
  range: ReturnType<typeof readRangeOf>,
  flags: string | number,
  mode: number,
): Generator<string, undefined, undefined> {
  const fs = requireBuiltin<typeof NodeFs>('node:fs', 'readLinesSync');
  const fd = fs.openSync(path as NodeFs.PathLike, flags, mode);
  try {
    yield* linesOfFd(fs, fd, range, 'readLinesSync');
  } finally {
    fs.closeSync(fd);
  }
  return undefined;
}
