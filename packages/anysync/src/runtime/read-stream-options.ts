import { codedError } from './coded-error.js';
import type { FdRange } from './fd-lines.js';

/**
 * The options of {@link readLinesSync} and `SyncFileHandle.readLines()`: those of `fs.createReadStream`
 * that have a meaning for a blocking read. A string is the encoding.
 */
export interface ReadLinesSyncOptions {
  /** How the bytes are decoded (default: readline's UTF-8). */
  readonly encoding?: BufferEncoding | null | undefined;
  /** The first byte to read (default: the file's current position). */
  readonly start?: number | undefined;
  /** The last byte to read, inclusive (default: the end of the file). */
  readonly end?: number | undefined;
  /** How many bytes one read takes (default 64 KiB, as `fs.ReadStream`). */
  readonly highWaterMark?: number | undefined;
  /** Whether the file is closed at the end or on an early exit (default `true`). */
  readonly autoClose?: boolean | undefined;
  /** Accepted for `createReadStream` compatibility; a sync reader emits no events. */
  readonly emitClose?: boolean | undefined;
  /** How {@link readLinesSync} opens the path (default `'r'`); ignored by a file handle. */
  readonly flags?: string | number | undefined;
  /** The mode {@link readLinesSync} creates the file with, if `flags` create it (default `0o666`). */
  readonly mode?: number | undefined;
}

const DEFAULT_HIGH_WATER_MARK = 64 * 1024;
const NO_SYNC_MEANING: Record<string, string> = {
  signal: 'a blocking read cannot be aborted while it runs',
  fs: 'the sync reader always reads through node:fs',
  fd: 'pass the path, or read a SyncFileHandle with its readLines()',
};

/** Checks the options and returns what the read needs; throws a TypeError or RangeError naming the option. */
export function readRangeOf(options: unknown, caller: string): FdRange & { readonly autoClose: boolean } {
  if (typeof options === 'string')
    return { ...readRangeOf({}, caller), encoding: checkedEncoding(options, caller) };
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') {
    throw codedError(
      TypeError,
      'ERR_INVALID_ARG_TYPE',
      `${caller}: options must be an object or an encoding string, got ${typeof options}`,
    );
  }
  const bag = options as Record<string, unknown>;
  for (const [name, why] of Object.entries(NO_SYNC_MEANING)) {
    if (bag[name] !== undefined) {
      throw codedError(
        TypeError,
        'ERR_INVALID_ARG_VALUE',
        `${caller}: options.${name} is not supported: ${why}`,
      );
    }
  }
  const start = bag.start === undefined ? undefined : checkedInteger(bag.start, 'start', caller);
  const end =
    bag.end === undefined || bag.end === Infinity ? Infinity : checkedInteger(bag.end, 'end', caller);
  if (start !== undefined && start > end) {
    throw codedError(
      RangeError,
      'ERR_OUT_OF_RANGE',
      `${caller}: options.start must be <= options.end (${end}), got ${start}`,
    );
  }
  const highWaterMark =
    bag.highWaterMark === undefined
      ? DEFAULT_HIGH_WATER_MARK
      : checkedInteger(bag.highWaterMark, 'highWaterMark', caller, 1);
  for (const flag of ['autoClose', 'emitClose']) {
    if (bag[flag] !== undefined && typeof bag[flag] !== 'boolean') {
      throw codedError(
        TypeError,
        'ERR_INVALID_ARG_TYPE',
        `${caller}: options.${flag} must be a boolean, got ${typeof bag[flag]}`,
      );
    }
  }
  const encoding =
    bag.encoding === undefined || bag.encoding === null ? undefined : checkedEncoding(bag.encoding, caller);
  return { encoding, start, end, highWaterMark, autoClose: bag.autoClose !== false };
}

function checkedInteger(value: unknown, name: string, caller: string, min = 0): number {
  if (typeof value !== 'number') {
    throw codedError(
      TypeError,
      'ERR_INVALID_ARG_TYPE',
      `${caller}: options.${name} must be a number, got ${typeof value}`,
    );
  }
  if (!Number.isSafeInteger(value) || value < min) {
    throw codedError(
      RangeError,
      'ERR_OUT_OF_RANGE',
      `${caller}: options.${name} must be an integer >= ${min}, got ${value}`,
    );
  }
  return value;
}

function checkedEncoding(value: unknown, caller: string): BufferEncoding {
  const buffer = (globalThis as { Buffer?: { isEncoding(e: string): boolean } }).Buffer;
  if (typeof value !== 'string' || (buffer !== undefined && !buffer.isEncoding(value))) {
    throw codedError(
      TypeError,
      'ERR_INVALID_ARG_VALUE',
      `${caller}: options.encoding is not an encoding: ${String(value)}`,
    );
  }
  return value as BufferEncoding;
}
