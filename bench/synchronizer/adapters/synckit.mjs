// synckit: one sync function per worker file (here a dispatcher over the shared handlers). It has no
// per-call transfer list (arguments and results are cloned), no generators and no object handles.
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';

export const name = 'synckit';

export async function create() {
  const call = createSyncFn(fileURLToPath(new URL('../workers/synckit-worker.mjs', import.meta.url)));
  return {
    trivial: (x) => call('trivial', x),
    options: (text, bag) => call('options', text, bag),
    transform: (source, bag) => call('transform', source, bag),
    stringLength: (text) => call('stringLength', text),
    bufferEcho: (bytes) => call('bufferEcho', bytes),
    timer: (x) => call('timer', x),
    close: () => {},
  };
}
