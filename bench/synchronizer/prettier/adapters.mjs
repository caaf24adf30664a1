// The ways to call prettier.format synchronously that the bench compares, plus the async call in-process
// as the reference output. Each adapter has `format(text, options)` and, where the worker can be
// instrumented, `timed(text, options)` returning [output, ms spent in prettier on that thread] and `gc()`
// returning where that thread's garbage-collection pauses fell since the last `gc()` (see gc-pauses.mjs).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Synchronizer } from 'anysync/synchronizer';
import { createSyncFn } from 'synckit';

const require = createRequire(import.meta.url);
const formatWorker = new URL('./format-worker.mjs', import.meta.url);

export async function createAdapters() {
  const sync = new Synchronizer();
  const anysync = sync.load(formatWorker);
  const synckit = createSyncFn(fileURLToPath(new URL('./synckit-worker.mjs', import.meta.url)));
  // Hoisted to the root, @prettier/sync would find the prettier 2 a dev tool there depends on: it is
  // pointed at the one the bench depends on, the one the other adapters and the reference use.
  const prettierSync = require('@prettier/sync').createSynchronizedPrettier({
    prettierEntry: import.meta.resolve('prettier'),
  });
  const prettier = await import('prettier');
  return {
    adapters: {
      anysync: { format: anysync.format, timed: anysync.timedFormat, gc: anysync.gcPauses },
      '@prettier/sync': { format: (text, options) => prettierSync.format(text, options) },
      synckit: {
        format: (text, options) => synckit('format', text, options),
        timed: (text, options) => synckit('timed', text, options),
        gc: () => synckit('gc'),
      },
    },
    reference: (text, options) => prettier.format(text, options),
    close: () => sync.close(),
  };
}
