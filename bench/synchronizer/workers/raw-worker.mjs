// The baseline: no library, no messages. The main thread and this worker ping-pong over one
// SharedArrayBuffer with Atomics.wait/notify; numbers travel in a Float64Array, strings, JSON text and
// bytes through a 4 MiB byte area (strings as ASCII via encodeInto/latin1). The worker parks on the request word between
// calls, which freezes its event loop: the fastest possible round trip, and one a real synchronizer cannot
// use when the worker must keep timers and sockets running.
import { setTimeout as sleep } from 'node:timers/promises';
import { workerData } from 'node:worker_threads';
import { items, options, transform } from './handlers.mjs';

const control = new Int32Array(workerData.control);
const numbers = new Float64Array(workerData.control, 64, 4);
const bytes = new Uint8Array(workerData.data);
const buffer = Buffer.from(workerData.data);
const encoder = new TextEncoder();
const objects = new Map();
let generator;
let seen = 0;

const handlers = [
  () => numbers[0] + 1,
  () => buffer.toString('latin1', 0, control[3]).length,
  () => {
    const copy = bytes.slice(0, control[3]);
    bytes.set(copy);
    return copy.length;
  },
  async () => {
    await sleep(0);
    return numbers[0] + 1;
  },
  async () => {
    if (numbers[0] >= 0) generator = items(numbers[0]);
    const batch = new Float64Array(workerData.data, 0, 256);
    let count = 0;
    for (; count < 256; count++) {
      const step = await generator.next();
      if (step.done) return -count - 1;
      batch[count] = step.value;
    }
    return count;
  },
  () => {
    const id = objects.size + 1;
    objects.set(id, { value: 0 });
    return id;
  },
  () => {
    const object = objects.get(numbers[0]);
    object.value += 1;
    return object.value;
  },
  async () => {
    const [text, bag] = JSON.parse(buffer.toString('latin1', 0, control[3]));
    return encoder.encodeInto(JSON.stringify(await options(text, bag)), bytes).written;
  },
  async () => {
    const [source, bag] = JSON.parse(buffer.toString('latin1', 0, control[3]));
    return encoder.encodeInto(JSON.stringify(await transform(source, bag)), bytes).written;
  },
];

for (;;) {
  // A wait can return with the request word unchanged (a wake-up meant for an earlier request): check it,
  // or the last request runs twice.
  while (Atomics.load(control, 0) === seen) Atomics.wait(control, 0, seen);
  seen = Atomics.load(control, 0);
  numbers[1] = await handlers[control[2]]();
  Atomics.store(control, 1, seen);
  Atomics.notify(control, 1);
}
