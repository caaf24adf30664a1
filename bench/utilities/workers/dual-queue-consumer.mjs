// Consumes a DualQueue with blocking gets; after each round's `null`, posts the sum of what it read.
import { parentPort, workerData } from 'node:worker_threads';
import { DualQueue } from 'anysync/dual-queue';

const queue = DualQueue.from(workerData);
let sum = 0;
for (;;) {
  let item;
  try {
    item = queue.getSync();
  } catch {
    break; // closed
  }
  if (item === null) {
    parentPort.postMessage(sum);
    sum = 0;
  } else sum += typeof item === 'string' ? Number(item) : item.i;
}
