// Receives postMessage items; after each round's `null`, posts the sum of what it read.
import { parentPort } from 'node:worker_threads';

let sum = 0;
parentPort.on('message', (item) => {
  if (item === null) {
    parentPort.postMessage(sum);
    sum = 0;
  } else sum += typeof item === 'string' ? Number(item) : item.i;
});
