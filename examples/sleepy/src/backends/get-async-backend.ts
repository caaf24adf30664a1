import { createBackendRegistry } from 'anysync/runtime';
import type { AsyncBackend, BackendName } from './backend.js';

export type { AsyncBackend } from './backend.js';

const loaders = {
  timers: async () => (await import('./timers-backend.js')).timersBackend,
  web: async () => (await import('./web-backend.js')).webBackend,
} as const;

// Chosen once per process, like sniffio's answer: server runtimes get timers, everything else the web flavour.
const byRuntime = createBackendRegistry<AsyncBackend>({
  node: loaders.timers,
  bun: loaders.timers,
  deno: loaders.timers,
  default: loaders.web,
});

/**
 * The async backend named `name`, or the one for the current runtime. Loaded on first use. (`threads` is
 * the sync backend's pool size; async naps need no threads.)
 */
export async function getAsyncBackend(name?: BackendName, _threads?: number): Promise<AsyncBackend> {
  if (name === undefined) return await byRuntime.get();
  if (name === 'threads') throw new TypeError("'threads' is sleepy's sync backend; use Sleeper for it");
  return await loaders[name]();
}
