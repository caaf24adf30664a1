// One measuring process of the prettier bench: every adapter alive side by side; a warm-up pass over all
// files each, then timed passes with the adapter order rotated every round. Every output is compared byte
// for byte with prettier's own async format in this process. Then, to see how fast prettier runs on each
// thread, passes that time prettier itself on each thread (main thread, anysync's worker, synckit's worker,
// a bare worker_threads worker), in the same rotated order. Prints JSON.
//
//   node measure.mjs <files.json> <rounds>
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createAdapters } from './adapters.mjs';

const [list, rounds = '3'] = process.argv.slice(2);
const files = JSON.parse(readFileSync(list, 'utf8')).map((file) => ({
  text: readFileSync(file, 'utf8'),
  options: { filepath: file },
}));
const { adapters, reference, close } = await createAdapters();
const expected = [];
for (const { text, options } of files) expected.push(await reference(text, options));
const names = Object.keys(adapters);
const tick = () => new Promise((resolve) => setImmediate(resolve));

function pass(adapter, check) {
  const started = performance.now();
  for (let i = 0; i < files.length; i++) {
    const { text, options } = files[i];
    const output = adapter.format(text, options);
    if (check && output !== expected[i])
      throw new Error(`${options.filepath}: output differs from prettier's own`);
  }
  return performance.now() - started;
}

const samples = Object.fromEntries(names.map((name) => [name, []]));
const warmup = {};
// The warm-up pass checks every output; timed passes check them too (a fast wrong answer must fail).
for (const name of names) {
  await tick();
  warmup[name] = pass(adapters[name], true);
}
for (let round = 0; round < Number(rounds); round++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length];
    globalThis.gc?.();
    await tick();
    samples[name].push(pass(adapters[name], true));
  }
}

/** Wall ms prettier itself spends formatting every file once, on the thread `timed` runs it on. */
async function prettierTime(timed) {
  let wall = 0;
  for (const { text, options } of files) {
    const [, wallMs] = await timed(text, options);
    wall += wallMs;
  }
  return wall;
}
const plain = new Worker(new URL('./plain-worker.mjs', import.meta.url));
const plainTimed = (text, options) =>
  new Promise((resolve) => {
    plain.once('message', resolve);
    plain.postMessage({ text, options });
  });
const mainTimed = async (text, options) => {
  const wall = performance.now();
  const output = await reference(text, options);
  return [output, performance.now() - wall];
};
const threads = {
  main: mainTimed,
  'anysync worker': adapters.anysync.timed,
  'synckit worker': adapters.synckit.timed,
  'plain worker': plainTimed,
};
const execution = {};
const threadNames = Object.keys(threads);
for (const thread of threadNames) {
  await prettierTime(threads[thread]); // warm this thread's copy of prettier
  execution[thread] = [];
}
// Rounds rotate the order, as the timed passes do: no thread always runs right after the same other one
// (whose garbage collection may still be running on the machine's other core).
for (let round = 0; round < Number(rounds); round++) {
  for (let i = 0; i < threadNames.length; i++) {
    const thread = threadNames[(i + round) % threadNames.length];
    execution[thread].push(await prettierTime(threads[thread]));
  }
}
await plain.terminate();
await close();
process.stdout.write(JSON.stringify({ samples, warmup, execution, files: files.length }));
process.exit(0);
