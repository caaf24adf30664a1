// Baseline: a hand-written SharedArrayBuffer ping-pong (see workers/raw-worker.mjs). No library code at all.
import { Worker } from 'node:worker_threads';

export const name = 'raw SAB';

export async function create() {
  const control = new SharedArrayBuffer(128);
  const data = new SharedArrayBuffer(4 << 20);
  const words = new Int32Array(control);
  const numbers = new Float64Array(control, 64, 4);
  const bytes = new Uint8Array(data);
  const encoder = new TextEncoder();
  const latin1 = Buffer.from(data);
  const worker = new Worker(new URL('../workers/raw-worker.mjs', import.meta.url), {
    workerData: { control, data },
  });
  worker.unref();
  let seq = 0;
  const call = (op, number = 0) => {
    words[2] = op;
    numbers[0] = number;
    seq += 1;
    Atomics.store(words, 0, seq);
    Atomics.notify(words, 0);
    while (Atomics.load(words, 1) !== seq) Atomics.wait(words, 1, seq - 1);
    return numbers[1];
  };
  return {
    trivial: (x) => call(0, x),
    // Both ways as JSON text in the byte area: what a hand-written channel does with an object.
    options(text, bag) {
      words[3] = encoder.encodeInto(JSON.stringify([text, bag]), bytes).written;
      const length = call(7);
      return JSON.parse(latin1.toString('latin1', 0, length));
    },
    transform(source, bag) {
      words[3] = encoder.encodeInto(JSON.stringify([source, bag]), bytes).written;
      const length = call(8);
      return JSON.parse(latin1.toString('latin1', 0, length));
    },
    stringLength(text) {
      words[3] = encoder.encodeInto(text, bytes).written;
      return call(1);
    },
    bufferEcho(input) {
      bytes.set(input);
      words[3] = input.length;
      const length = call(2);
      input.set(bytes.subarray(0, length));
      return input;
    },
    timer: (x) => call(3, x),
    iterate(count) {
      const batch = new Float64Array(data, 0, 256);
      let sum = 0;
      for (let result = call(4, count); ; result = call(4, -1)) {
        const n = result < 0 ? -result - 1 : result;
        for (let i = 0; i < n; i++) sum += batch[i];
        if (result < 0) return sum;
      }
    },
    counter() {
      const id = call(5);
      return { increment: () => call(6, id) };
    },
    close: () => worker.terminate(),
  };
}
