import type * as NodeFs from 'node:fs';
import { requireBuiltin } from './require-builtin.js';
import { SyncFileHandle } from './sync-file-handle.js';

/**
 * Opens a file for blocking use: the sync twin of `open(path, flags, mode)` from `node:fs/promises`,
 * returning a {@link SyncFileHandle} (what `anysync generate` maps `await open(…)` to). The flags and
 * mode, their defaults (`'r'`, `0o666`) and the errors (`ENOENT`, `EACCES`, …) are `fs.openSync`'s.
 *
 * Runs where `node:fs` exists (Node, Bun, Deno); elsewhere it throws.
 *
 * @example
 * ```ts
 * import { openSync } from 'anysync/runtime';
 *
 * using log = openSync('app.log', 'a');
 * log.write('started\n');
 * ```
 */
export function openSync(
  path: NodeFs.PathLike,
  flags?: NodeFs.OpenMode,
  mode?: NodeFs.Mode | null,
): SyncFileHandle {
  const fs = requireBuiltin<typeof NodeFs>('node:fs', 'openSync');
  return new SyncFileHandle(fs, fs.openSync(path, flags ?? 'r', mode ?? 0o666));
}
