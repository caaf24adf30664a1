import type * as NodeFs from 'node:fs';
import { describeValue } from '../internal/describe-value.js';
import { codedError, fileClosedError } from './coded-error.js';
import { linesOfFd } from './fd-lines.js';
import { readArguments, writeArguments } from './file-io-arguments.js';
import { type ReadLinesSyncOptions, readRangeOf } from './read-stream-options.js';
import { requireBuiltin } from './require-builtin.js';
import { writeData } from './write-data.js';

type Bytes = NodeJS.ArrayBufferView;
type Buffer = ReturnType<typeof NodeFs.readFileSync> & Uint8Array;

/** What {@link SyncFileHandle.read} returns, like `FileHandle.read`'s result. */
export interface SyncReadResult<T extends Bytes> {
  readonly bytesRead: number;
  readonly buffer: T;
}

/** What {@link SyncFileHandle.write} returns, like `FileHandle.write`'s result. */
export interface SyncWriteResult<T extends Bytes | string> {
  readonly bytesWritten: number;
  readonly buffer: T;
}

/** `FileHandle.read`'s options: where in the buffer and the file. */
export interface SyncReadOptions {
  readonly offset?: number | null | undefined;
  readonly length?: number | null | undefined;
  readonly position?: number | bigint | null | undefined;
}

/** `FileHandle.readFile`'s and `writeFile`'s options; `signal` has no sync meaning and is refused. */
export interface SyncFileEncodingOptions {
  readonly encoding?: BufferEncoding | null | undefined;
}

/** What {@link SyncFileHandle.writeFile} writes: what `FileHandle.writeFile` takes, less async sources. */
export type SyncWriteData = string | Bytes | Iterable<string | Bytes>;

/**
 * A file open for blocking use: the sync twin of `node:fs/promises`' `FileHandle`, with the methods that
 * have a sync meaning, the same argument forms and the same results (`read()` gives
 * `{ bytesRead, buffer }`, `readFile('utf8')` a string, `stat()` a `Stats`), over `node:fs`'s `…Sync`
 * functions on its file descriptor. {@link openSync} opens one; `anysync generate` maps
 * `await open(path, flags)` to it.
 *
 * Like `FileHandle`, a closed handle has `fd === -1`, its methods throw an `EBADF` "file closed" error,
 * and closing it again does nothing. `using file = openSync(…)` closes it at the end of the block.
 * Streams (`createReadStream`, `createWriteStream`, `readableWebStream`) have no sync counterpart.
 *
 * @example
 * ```ts
 * import { openSync } from 'anysync/runtime';
 *
 * using file = openSync('data.bin', 'r');
 * const { bytesRead, buffer } = file.read({ buffer: new Uint8Array(4), position: 0 });
 * console.log(bytesRead, buffer); // 4 Uint8Array(4) [ … ]
 * ```
 */
export class SyncFileHandle {
  readonly #fs: typeof NodeFs;
  #fd: number;

  /** Wraps an open file descriptor of `fs`; the handle owns it from now on. */
  constructor(fs: typeof NodeFs, fd: number) {
    if (!Number.isInteger(fd) || fd < 0) {
      const [Kind, code] =
        typeof fd === 'number' ? [RangeError, 'ERR_OUT_OF_RANGE'] : [TypeError, 'ERR_INVALID_ARG_TYPE'];
      throw codedError(Kind, code, `SyncFileHandle: fd must be an integer >= 0, got ${describeValue(fd)}`);
    }
    if (typeof (fs as Partial<typeof NodeFs> | null)?.readSync !== 'function') {
      const message = `SyncFileHandle: fs must be the node:fs module, got ${describeValue(fs)}`;
      throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', message);
    }
    this.#fs = fs;
    this.#fd = fd;
  }

  /** The file descriptor, or -1 once closed. */
  get fd(): number {
    return this.#fd;
  }

  /** Reads into a buffer: `read(buffer, offset?, length?, position?)`, `read(buffer, options?)` or `read(options?)`. */
  read<T extends Bytes>(
    buffer: T,
    offset?: number | null,
    length?: number | null,
    position?: number | bigint | null,
  ): SyncReadResult<T>;
  read<T extends Bytes>(buffer: T, options?: SyncReadOptions): SyncReadResult<T>;
  read<T extends Bytes = Buffer>(options?: SyncReadOptions & { readonly buffer?: T }): SyncReadResult<T>;
  read(first?: unknown, offset?: unknown, length?: unknown, position?: unknown): SyncReadResult<Bytes> {
    const fd = this.#openFd('read');
    const target = readArguments(first, offset, length, position, allocate);
    const { buffer } = target;
    if (target.length === 0) return { __proto__: null, bytesRead: 0, buffer } as SyncReadResult<Bytes>;
    const bytesRead = this.#fs.readSync(fd, buffer, target.offset, target.length, target.position);
    return { __proto__: null, bytesRead, buffer } as SyncReadResult<Bytes>;
  }

  /** Reads into several buffers in turn (`readv(2)`), at `position` or the current position. */
  readv<T extends readonly Bytes[]>(buffers: T, position?: number | null): { bytesRead: number; buffers: T } {
    const fd = this.#openFd('readv');
    const at = typeof position === 'number' ? position : null;
    const bytesRead = this.#fs.readvSync(fd, buffers, at ?? undefined);
    return { __proto__: null, bytesRead, buffers } as { bytesRead: number; buffers: T };
  }

  /** Writes a buffer (`write(buffer, offset?, length?, position?)`, `write(buffer, options?)`) or a string (`write(string, position?, encoding?)`). */
  write<T extends Bytes>(
    buffer: T,
    offset?: number | null,
    length?: number | null,
    position?: number | null,
  ): SyncWriteResult<T>;
  write<T extends Bytes>(buffer: T, options?: SyncReadOptions): SyncWriteResult<T>;
  write(data: string, position?: number | null, encoding?: BufferEncoding | null): SyncWriteResult<string>;
  write(
    data: unknown,
    offset?: unknown,
    length?: unknown,
    position?: unknown,
  ): SyncWriteResult<Bytes | string> {
    const fd = this.#openFd('write');
    if ((data as { byteLength?: unknown } | null | undefined)?.byteLength === 0) {
      return { __proto__: null, bytesWritten: 0, buffer: data } as SyncWriteResult<Bytes>;
    }
    if (ArrayBuffer.isView(data)) {
      const view = data as Bytes;
      const where = writeArguments(view, offset, length, position);
      const bytesWritten = this.#fs.writeSync(fd, view, where.offset, where.length, where.position);
      return { __proto__: null, bytesWritten, buffer: view } as SyncWriteResult<Bytes>;
    }
    if (typeof data !== 'string') {
      throw codedError(
        TypeError,
        'ERR_INVALID_ARG_TYPE',
        `write: the data must be a string, Buffer, TypedArray or DataView, got ${data === null ? 'null' : typeof data}`,
      );
    }
    const at = typeof offset === 'number' ? offset : null;
    const bytesWritten = this.#fs.writeSync(
      fd,
      data,
      at,
      (length ?? undefined) as BufferEncoding | undefined,
    );
    return { __proto__: null, bytesWritten, buffer: data } as SyncWriteResult<string>;
  }

  /** Writes several buffers in turn (`writev(2)`), at `position` or the current position. */
  writev<T extends readonly Bytes[]>(
    buffers: T,
    position?: number | null,
  ): { bytesWritten: number; buffers: T } {
    const fd = this.#openFd('writev');
    const at = typeof position === 'number' ? position : null;
    const bytesWritten = buffers.length === 0 ? 0 : this.#fs.writevSync(fd, buffers, at ?? undefined);
    return { __proto__: null, bytesWritten, buffers } as { bytesWritten: number; buffers: T };
  }

  /** The rest of the file from the current position: a `Buffer`, or a string with an encoding. */
  readFile(options?: { readonly encoding?: null | undefined } | null): Buffer;
  readFile(options: { readonly encoding: BufferEncoding } | BufferEncoding): string;
  readFile(options?: SyncFileEncodingOptions | BufferEncoding | null): string | Buffer;
  readFile(options?: SyncFileEncodingOptions | BufferEncoding | null): string | Buffer {
    const fd = this.#openFd('readFile');
    refuseSignal(options, 'readFile');
    return this.#fs.readFileSync(fd, options as NodeFs.ObjectEncodingOptions) as string | Buffer;
  }

  /** Writes data from the current position: a string (in `encoding`), bytes, or an iterable of either. */
  writeFile(data: SyncWriteData, options?: SyncFileEncodingOptions | BufferEncoding | null): void {
    const fd = this.#openFd('writeFile');
    refuseSignal(options, 'writeFile');
    writeData(this.#fs, fd, data, typeof options === 'string' ? options : options?.encoding, 'writeFile');
  }

  /** The same as {@link writeFile} (as for `FileHandle`, the file's open flags decide whether it appends). */
  appendFile(data: SyncWriteData, options?: SyncFileEncodingOptions | BufferEncoding | null): void {
    const fd = this.#openFd('writeFile');
    refuseSignal(options, 'appendFile');
    writeData(this.#fs, fd, data, typeof options === 'string' ? options : options?.encoding, 'appendFile');
  }

  /** The file's `Stats` (`BigIntStats` with `{ bigint: true }`). */
  stat(options?: { readonly bigint?: false | undefined }): NodeFs.Stats;
  stat(options: { readonly bigint: true }): NodeFs.BigIntStats;
  stat(options?: { readonly bigint?: boolean | undefined }): NodeFs.Stats | NodeFs.BigIntStats;
  stat(options?: { readonly bigint?: boolean | undefined }): NodeFs.Stats | NodeFs.BigIntStats {
    return this.#fs.fstatSync(this.#openFd('fstat'), options);
  }

  /** Truncates (or extends with zeros) the file to `length` bytes (default 0). */
  truncate(length?: number): void {
    this.#fs.ftruncateSync(this.#openFd('ftruncate'), length);
  }

  /** Flushes the file's data and metadata to the storage device (`fsync(2)`). */
  sync(): void {
    this.#fs.fsyncSync(this.#openFd('fsync'));
  }

  /** Flushes the file's data to the storage device (`fdatasync(2)`). */
  datasync(): void {
    this.#fs.fdatasyncSync(this.#openFd('fdatasync'));
  }

  /** Changes the file's permissions. */
  chmod(mode: NodeFs.Mode): void {
    this.#fs.fchmodSync(this.#openFd('fchmod'), mode);
  }

  /** Changes the file's owner and group. */
  chown(uid: number, gid: number): void {
    this.#fs.fchownSync(this.#openFd('fchown'), uid, gid);
  }

  /** Changes the file's access and modification times. */
  utimes(atime: NodeFs.TimeLike, mtime: NodeFs.TimeLike): void {
    this.#fs.futimesSync(this.#openFd('futimes'), atime, mtime);
  }

  /**
   * The file's lines, read in chunks and cut as `FileHandle.readLines()` cuts them (see
   * {@link readLinesSync}). As there, the handle is closed when the lines run out or the loop exits early,
   * unless `autoClose` is `false`.
   */
  readLines(options?: ReadLinesSyncOptions | BufferEncoding): Generator<string, undefined, undefined> {
    const range = readRangeOf(options, 'readLines');
    return this.#lines(range);
  }

  /** Closes the file; closing a closed handle does nothing. */
  close(): void {
    if (this.#fd === -1) return;
    const fd = this.#fd;
    this.#fd = -1;
    this.#fs.closeSync(fd);
  }

  /** Closes the file (what `using` calls). */
  [Symbol.dispose](): void {
    this.close();
  }

  *#lines(range: ReturnType<typeof readRangeOf>): Generator<string, undefined, undefined> {
    const fd = this.#openFd('read');
    try {
      yield* linesOfFd(this.#fs, fd, range, 'readLines');
    } finally {
      if (range.autoClose) this.close();
    }
    return undefined;
  }

  #openFd(syscall: string): number {
    if (this.#fd === -1) throw fileClosedError(syscall);
    return this.#fd;
  }
}

function allocate(size: number): Buffer {
  return requireBuiltin<typeof import('node:buffer')>('node:buffer', 'read').Buffer.alloc(size) as Buffer;
}

function refuseSignal(options: unknown, caller: string): void {
  if (
    typeof options === 'object' &&
    options !== null &&
    (options as { signal?: unknown }).signal !== undefined
  ) {
    throw codedError(
      TypeError,
      'ERR_INVALID_ARG_VALUE',
      `${caller}: options.signal is not supported: a blocking call cannot be aborted while it runs`,
    );
  }
}
