import type * as NodeFs from 'node:fs';
import { codedError } from './coded-error.js';
import { requireBuiltin } from './require-builtin.js';

/**
 * Writes what `FileHandle.writeFile` accepts, from the file's current position: a string (encoded with
 * `encoding`, UTF-8 by default), bytes, or a sync iterable of either, each chunk written whole. An async
 * iterable or a stream has no sync meaning and is refused before anything is written.
 */
export function writeData(
  fs: typeof NodeFs,
  fd: number,
  data: unknown,
  encoding: BufferEncoding | null | undefined,
  caller: string,
): void {
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    fs.writeFileSync(fd, data as string | NodeJS.ArrayBufferView, { encoding: encoding ?? 'utf8' });
    return;
  }
  if (typeof data === 'object' && data !== null && Symbol.asyncIterator in data) {
    throw codedError(
      TypeError,
      'ERR_INVALID_ARG_TYPE',
      `${caller}: an async iterable or stream cannot be written by a blocking call; pass a string, bytes or a sync iterable`,
    );
  }
  if (typeof data !== 'object' || data === null || !(Symbol.iterator in data)) {
    throw codedError(
      TypeError,
      'ERR_INVALID_ARG_TYPE',
      `${caller}: the data must be a string, Buffer, TypedArray, DataView or an iterable of them, got ${data === null ? 'null' : typeof data}`,
    );
  }
  const { Buffer } = requireBuiltin<typeof import('node:buffer')>('node:buffer', caller);
  for (const chunk of data as Iterable<unknown>) {
    let bytes: Uint8Array;
    if (typeof chunk === 'string') bytes = Buffer.from(chunk, encoding ?? 'utf8');
    else if (ArrayBuffer.isView(chunk))
      bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else {
      throw codedError(
        TypeError,
        'ERR_INVALID_ARG_TYPE',
        `${caller}: each chunk must be a string, Buffer, TypedArray or DataView, got ${chunk === null ? 'null' : typeof chunk}`,
      );
    }
    for (let written = 0; written < bytes.byteLength; ) {
      written += fs.writeSync(fd, bytes, written, bytes.byteLength - written);
    }
  }
}
