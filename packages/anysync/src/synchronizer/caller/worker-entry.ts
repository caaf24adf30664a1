import { nodeBuiltin } from '../backends/node-builtin.js';
import { ownUrl } from '../own-url.js';
import { EMBEDDED_WORKER } from '../worker/embedded-worker.js';

/** The modules a worker starts from: its entry, and the fatal guard preloaded ahead of user preloads. */
export interface WorkerEntry {
  main: URL;
  /** A URL for `--import`. */
  guard: string;
}

let found: WorkerEntry | undefined;

/**
 * anysync's own worker files when they are there; otherwise (anysync bundled into a tool by esbuild,
 * Rollup, webpack...) the same code embedded at build time, started from `data:` URLs. Such a worker
 * imports the modules it loads by absolute URL, which is what `load()` gives it.
 */
export function workerEntry(): WorkerEntry {
  if (found) return found;
  const main = ownUrl('worker/worker-main.js');
  const guard = ownUrl('worker/guard-preload.js');
  if (main && guard && exists(main) && exists(guard)) found = { main, guard: guard.href };
  else if (EMBEDDED_WORKER) {
    found = { main: dataUrl(EMBEDDED_WORKER.main), guard: dataUrl(EMBEDDED_WORKER.guard).href };
  } else if (main && guard) found = { main, guard: guard.href };
  else {
    throw new Error(
      "the synchronizer cannot find its worker: anysync's files are not beside this code (it was bundled), " +
        'and this build of anysync carries no embedded worker. Rebuild anysync with its `npm run build`.',
    );
  }
  return found;
}

/** Only files can be missing; a browser's URLs are fetched when the worker starts. */
function exists(url: URL): boolean {
  if (url.protocol !== 'file:') return true;
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');
  return !fs || !nodeUrl || fs.existsSync(nodeUrl.fileURLToPath(url));
}

function dataUrl(source: string): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}
