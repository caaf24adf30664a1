// One measuring process: loads the corpus and one contender, warms it up with one pass, then times
// `passes` passes over the whole corpus with a GC before each, and prints them as JSON (wall and CPU ms).
// Run by run.mjs; each contender gets its own processes so that no contender's heap (the prepared copies
// of the corpus, the trees one keeps alive longer) changes the garbage collector's work for another.
import { contenders } from './contenders.mjs';
import { loadCorpus } from './corpus.mjs';

const [name, passesArgument] = process.argv.slice(2);
const contender = contenders.find((c) => c.name === name);
if (contender === undefined || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc measure.mjs <contender name> <passes>');
  process.exit(2);
}
const corpus = loadCorpus();
const files = contender.prepare ? corpus.files.map(contender.prepare) : corpus.files;
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const passes = [];
let failures = 0;
for (let pass = 0; pass <= Number(passesArgument); pass += 1) {
  globalThis.gc();
  const startedCpu = cpuNow();
  const started = performance.now();
  for (const file of files) {
    try {
      contender.run(file);
    } catch {
      failures += 1;
    }
  }
  if (pass > 0) passes.push({ wall: performance.now() - started, cpu: cpuNow() - startedCpu });
}
console.log(JSON.stringify({ passes, failures: failures / (passes.length + 1) }));
