import type { MappingOptions } from '../config/mapping-options.js';

/**
 * The `node:fs/promises` functions that have a `…Sync` twin in `node:fs` (`watch` has none).
 *
 * @example
 * ```ts
 * import { FS_PROMISES_WITH_SYNC_TWIN } from '@anysync/codegen';
 *
 * console.log(FS_PROMISES_WITH_SYNC_TWIN.length); // 31
 * ```
 */
export const FS_PROMISES_WITH_SYNC_TWIN = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'glob',
  'lchmod',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'mkdtempDisposable',
  'open',
  'opendir',
  'readFile',
  'readdir',
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
] as const;

const noEventLoop = 'it waits for the event loop, which a blocking twin cannot do';

/**
 * The mappings shipped with the generator. A project's `mappings` are merged over these, module by
 * module and export by export.
 *
 * @example
 * ```ts
 * import { defaultMappings } from '@anysync/codegen';
 *
 * const table = defaultMappings('anysync/runtime');
 * console.log(table['node:timers/promises']); // { strict: true, exports: { setTimeout: { module: 'anysync/runtime', name: 'sleepSync' }, … } }
 * ```
 */
export function defaultMappings(runtimeModule: string): MappingOptions {
  const fsExports: Record<
    string,
    string | { module: string; name: string } | { error: string; suggestion: string }
  > = {
    constants: 'constants',
  };
  for (const name of FS_PROMISES_WITH_SYNC_TWIN) fsExports[name] = `${name}Sync`;
  // `openSync` gives a number and `opendirSync` a `Dir` that is only async-iterable: the runtime's
  // counterparts have the shapes of `FileHandle` and an iterable `Dir`.
  fsExports.open = { module: runtimeModule, name: 'openSync' };
  fsExports.opendir = { module: runtimeModule, name: 'opendirSync' };
  fsExports.FileHandle = { module: runtimeModule, name: 'SyncFileHandle' };
  fsExports.watch = {
    error: '`watch` from node:fs/promises is an async iterator of events with no blocking counterpart',
    suggestion:
      'keep watching in async-only code (an `if (IS_ASYNC)` branch or an `anysync-skip` declaration)',
  };
  return {
    // Listed so that `fs.promises.readFile` and `import { promises } from 'node:fs'` can be followed.
    'node:fs': {},
    'node:fs/promises': { module: 'node:fs', exports: fsExports, strict: true },
    'node:timers/promises': {
      strict: true,
      exports: {
        setTimeout: { module: runtimeModule, name: 'sleepSync' },
        setImmediate: {
          error: '`setImmediate` from node:timers/promises yields to the event loop',
          suggestion: 'drop the yield in the sync twin with an `if (IS_ASYNC)` branch',
        },
        setInterval: {
          error: `\`setInterval\` from node:timers/promises is an async iterator: ${noEventLoop}`,
        },
        scheduler: { error: `\`scheduler\` from node:timers/promises: ${noEventLoop}` },
      },
    },
    'node:events': {
      exports: {
        once: { error: `\`events.once\` resolves when an event fires: ${noEventLoop}` },
        on: { error: `\`events.on\` is an async iterator of events: ${noEventLoop}` },
      },
    },
    'node:stream/promises': { error: `stream promises complete as data flows through the event loop` },
    'node:readline/promises': { error: `readline/promises answers as input arrives through the event loop` },
    'node:dns/promises': {
      error: 'DNS lookups complete through the event loop and have no blocking API',
      suggestion: 'resolve names in the async twin only, or call through an anysync Synchronizer',
    },
  };
}
