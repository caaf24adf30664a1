import { codedError } from './coded-error.js';

/** Where `read()` puts the bytes, resolved from `FileHandle.read`'s three argument forms. */
export interface ReadArguments<T extends ArrayBufferView> {
  readonly buffer: T;
  readonly offset: number;
  readonly length: number;
  readonly position: number | bigint | null;
}

/** What a read takes when given no buffer (`FileHandle.read()` allocates 16 KiB). */
const DEFAULT_READ_SIZE = 16_384;

/**
 * `read(buffer, offset?, length?, position?)`, `read(buffer, options?)` and `read(options?)`, resolved the
 * way `FileHandle.read` resolves them (a missing length fills the buffer; a missing position reads at
 * the current position).
 */
export function readArguments<T extends ArrayBufferView>(
  first: unknown,
  offsetOrOptions: unknown,
  length: unknown,
  position: unknown,
  allocate: (size: number) => T,
): ReadArguments<T> {
  let buffer = first as T;
  let offset = offsetOrOptions;
  if (!ArrayBuffer.isView(first)) {
    if (first !== undefined && first !== null && typeof first !== 'object') {
      throw codedError(
        TypeError,
        'ERR_INVALID_ARG_TYPE',
        `read: options must be an object, got ${typeof first}`,
      );
    }
    const options = (first ?? {}) as Record<string, unknown>;
    buffer = (options.buffer ?? allocate(DEFAULT_READ_SIZE)) as T;
    if (!ArrayBuffer.isView(buffer)) {
      throw codedError(
        TypeError,
        'ERR_INVALID_ARG_TYPE',
        'read: options.buffer must be a Buffer, TypedArray or DataView',
      );
    }
    ({ offset, length, position } = options);
  } else if (offset !== null && typeof offset === 'object') {
    ({ offset, length, position } = offset as Record<string, unknown>);
  }
  const start = offset === undefined || offset === null ? 0 : (offset as number);
  return {
    buffer,
    offset: start,
    length: length === undefined || length === null ? buffer.byteLength - start : (length as number),
    position: isPosition(position) ? position : null,
  };
}

/** Where `write()` takes its bytes from, for `FileHandle.write`'s buffer forms. */
export interface WriteArguments {
  readonly offset: number;
  readonly length: number;
  readonly position: number | null;
}

/** `write(buffer, offset?, length?, position?)` and `write(buffer, options?)`, resolved like `FileHandle.write`. */
export function writeArguments(
  buffer: ArrayBufferView,
  offsetOrOptions: unknown,
  length: unknown,
  position: unknown,
): WriteArguments {
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    ({ offset, length, position } = offset as Record<string, unknown>);
  }
  const start = offset === undefined || offset === null ? 0 : (offset as number);
  return {
    offset: start,
    length: typeof length === 'number' ? length : buffer.byteLength - start,
    position: typeof position === 'number' ? position : null,
  };
}

// Anything else reads at the current position. A bigint is a position as for Node ≥ 22's `FileHandle.read`
// (Node 20's ignores it).
function isPosition(value: unknown): value is number | bigint {
  return (
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
    (typeof value === 'bigint' && value >= 0n)
  );
}
