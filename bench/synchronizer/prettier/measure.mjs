// One measuring process of the prettier bench: every adapter alive side by side; a warm-up pass over all
// files each, then timed passes with the adapter order rotated every round. Every output is compared byte
// for byte with prettier's own async format in this process. Then, to see how fast prettier runs on each
// thread, passes that time prettier itself on each thread (main thread, anysync's worker, synckit's worker,
// a bare worker_threads worker), in the same rotated order, with where each thread's garbage-collection
// pauses fell during them. Prints JSON.
//
//   node measure.mjs <files.json> <rounds>
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createAdapters } from './adapters.mjs';
import { gcPauses, timedFormat } from './format-worker.mjs';

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
const askPlain = (message) =>
  new Promise((resolve) => {
    plain.once('message', resolve);
    plain.postMessage(message);
  });
const threads = {
  main: { timed: timedFormat, gc: gcPauses },
  'anysync worker': adapters.anysync,
  'synckit worker': adapters.synckit,
  'plain worker': { timed: (text, options) => askPlain({ text, options }), gc: () => askPlain({ gc: true }) },
};
const execution = {};
const pauses = {};
const threadNames = Object.keys(threads);
for (const thread of threadNames) {
  await prettierTime(threads[thread].timed); // warm this thread's copy of prettier
  await threads[thread].gc(); // and forget the pauses of warming up
  execution[thread] = [];
  pauses[thread] = [];
}
// Rounds rotate the order, as the timed passes do: no thread always runs right after the same other one
// (whose garbage collection may still be running on the machine's other core).
for (let round = 0; round < Number(rounds); round++) {
  for (let i = 0; i < threadNames.length; i++) {
    const thread = threadNames[(i + round) % threadNames.length];
    execution[thread].push(await prettierTime(threads[thread].timed));
    pauses[thread].push(await threads[thread].gc());
  }
}
await plain.terminate();
await close();
process.stdout.write(JSON.stringify({ samples, warmup, execution, pauses, files: files.length }));
process.exit(0);
