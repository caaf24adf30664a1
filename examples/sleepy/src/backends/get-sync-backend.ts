import { canBlock, currentRuntime } from 'anysync/runtime';
import type { BackendName, SyncBackend } from './backend.js';
import { createThreadBackend } from './thread-backend.js';

export type { SyncBackend } from './backend.js';

/**
 * A new sync backend (each sleeper owns its threads). Refused where the thread may not block, with the
 * reason, rather than failing on the first nap.
 */
export function getSyncBackend(name: BackendName = 'threads', threads?: number): SyncBackend {
  if (name !== 'threads') throw new TypeError(`'${name}' is an async backend; use AsyncSleeper for it`);
  if (!canBlock()) {
    const { name: runtime, thread } = currentRuntime();
    throw new Error(`the sync sleeper needs a thread that may block; ${runtime}'s ${thread} thread may not`);
  }
  return createThreadBackend(threads);
}
