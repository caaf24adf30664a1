/**
 * The `node:fs` callback functions whose promisified form resolves with exactly what their `…Sync`
 * counterpart returns. Left out on purpose: `read`, `write`, `readv`, `writev` (promisified they resolve
 * with `{ bytesRead, buffer }`-like objects, their sync forms return a count) and `opendir` (its `Dir` is
 * iterated asynchronously). `exists` resolves with a boolean, as `existsSync` returns.
 */
export const FS_CALLBACKS_WITH_SYNC_TWIN: ReadonlySet<string> = new Set([
  'access',
  'appendFile',
  'chmod',
  'chown',
  'close',
  'copyFile',
  'cp',
  'exists',
  'fchmod',
  'fchown',
  'fdatasync',
  'fstat',
  'fsync',
  'ftruncate',
  'futimes',
  'glob',
  'lchmod',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'open',
  'readdir',
  'readFile',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
  'writeFile',
]);

/** Why a `node:fs` callback function has no same-shape sync counterpart, for the ones that have none. */
export const FS_CALLBACKS_WITHOUT_SYNC_TWIN: ReadonlyMap<string, string> = new Map([
  ['read', 'promisified it resolves with `{ bytesRead, buffer }`, while `readSync` returns the count'],
  ['write', 'promisified it resolves with `{ bytesWritten, buffer }`, while `writeSync` returns the count'],
  ['readv', 'promisified it resolves with `{ bytesRead, buffers }`, while `readvSync` returns the count'],
  [
    'writev',
    'promisified it resolves with `{ bytesWritten, buffers }`, while `writevSync` returns the count',
  ],
  ['opendir', 'its `Dir` is iterated asynchronously; use `opendir` from node:fs/promises, which is mapped'],
  ['watch', 'it reports changes as they happen'],
  ['watchFile', 'it reports changes as they happen'],
]);
