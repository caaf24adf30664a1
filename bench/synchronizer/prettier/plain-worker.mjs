// A bare worker_threads worker with no library at all (postMessage both ways), to see how fast prettier
// itself runs on a worker thread.
import { parentPort } from 'node:worker_threads';
import { gcPauses, timedFormat } from './format-worker.mjs';

parentPort.on('message', async ({ gc, text, options }) =>
  parentPort.postMessage(gc ? await gcPauses() : await timedFormat(text, options)),
);
