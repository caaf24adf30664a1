import type * as NodeFs from 'node:fs';
import { bufferSizeError } from './buffer-size-error.js';
import { requireBuiltin } from './require-builtin.js';
import { SyncDir } from './sync-dir.js';

/**
 * Opens a directory for blocking reads: the sync twin of `opendir(path, options)` from
 * `node:fs/promises`, returning an iterable {@link SyncDir} (what `anysync generate` maps
 * `await opendir(…)` to). Options (`encoding`, `bufferSize`, `recursive`) and errors are
 * `fs.opendirSync`'s.
 *
 * Runs where `node:fs` exists (Node, Bun, Deno); elsewhere it throws.
 *
 * @example
 * ```ts
 * import { opendirSync } from 'anysync/runtime';
 *
 * using dir = opendirSync('src', { recursive: true });
 * for (const entry of dir) console.log(entry.parentPath, entry.name);
 * ```
 */
export function opendirSync(path: NodeFs.PathLike, options?: NodeFs.OpenDirOptions): SyncDir {
  const fs = requireBuiltin<typeof NodeFs>('node:fs', 'opendirSync');
  const badSize = bufferSizeError(options);
  try {
    if (badSize) {
      // Reported where Node reports it, after the path's and the open's own errors, and with nothing left
      // open: the directory is opened without the bad size and closed at once.
      const { bufferSize: _, ...rest } = options as NodeFs.OpenDirOptions;
      fs.opendirSync(path, rest).closeSync();
      throw badSize;
    }
    return new SyncDir(fs.opendirSync(path, options));
  } catch (error) {
    throw withPath(error, path);
  }
}

// `fs.opendirSync`'s errors lack the path that `opendir`'s carry (in the message and as `path`).
function withPath(error: unknown, path: NodeFs.PathLike): unknown {
  const failure = error as Error & { syscall?: unknown; path?: unknown };
  if (!(error instanceof Error) || failure.syscall !== 'opendir' || failure.path !== undefined) return error;
  const shown =
    path instanceof URL
      ? requireBuiltin<typeof import('node:url')>('node:url', 'opendirSync').fileURLToPath(path)
      : String(path);
  failure.path = shown;
  failure.message = `${failure.message} '${shown}'`;
  return failure;
}
