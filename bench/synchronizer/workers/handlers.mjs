// The worker side of every workload, shared by the adapters that load a module (anysync, make-synchronized)
// and wrapped by synckit's worker. Each function is async, as a library's API would be.
import { setTimeout as sleep } from 'node:timers/promises';
import { transfer } from 'anysync/synchronizer';

export async function trivial(x) {
  return x + 1;
}

/** A formatter-style call: text and an options object in, a small record out. */
export async function options(text, bag) {
  return { output: text.trim(), filepath: bag.filepath, width: bag.tabWidth };
}

/**
 * A transform-style call: source text and a small options object in, a `{ code, map, warnings }` record
 * with tens of KB of text out (what a compiler or bundler plugin's transform returns).
 */
export async function transform(source, bag) {
  const code = `${source}\n//# sourceMappingURL=${bag.filename}.map\n`;
  const map = `{"version":3,"file":"${bag.filename}","mappings":"${'AACA;'.repeat(source.length >> 3)}"}`;
  return { code, map, warnings: [] };
}

export async function stringLength(text) {
  return text.length;
}

/** Hands the buffer back; anysync transfers it (zero copy), peers without transfer support copy it. */
export async function bufferEcho(bytes) {
  return transfer(bytes, [bytes.buffer]);
}

export async function timer(x) {
  await sleep(0);
  return x + 1;
}

export async function* items(count) {
  for (let i = 0; i < count; i++) yield i;
}

export class Counter {
  #value = 0;

  async increment() {
    this.#value += 1;
    return this.#value;
  }
}
