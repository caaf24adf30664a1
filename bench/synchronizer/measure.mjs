// One measuring process: every adapter alive side by side, each workload timed in rounds with the adapter
// order rotated every round after warm-up rounds. Prints JSON: per (workload, adapter) the time per
// operation of every round, and of every warm-up round apart.
//
//   node measure.mjs <rounds> <adapter,...> <workload,...>
import { workloads, supports } from './workloads.mjs';

const [rounds = '7', adapterList = '', workloadList = ''] = process.argv.slice(2);
const names = adapterList.split(',');
const adapters = [];
for (const file of names) {
  const module = await import(`./adapters/${file}.mjs`);
  adapters.push({ file, impl: await module.create() });
}

// Blocking loops run from a macrotask, not from inside a promise chain, like typical sync callers.
const tick = () => new Promise((resolve) => setImmediate(resolve));
// Warm-up rounds, timed but kept apart: a fresh process is not in its steady state for a while. The JIT
// settles within a few hundred calls, and a worker's malloc arena only starts to reuse freed memory after
// its first GCs (for 1 MiB strings, some 64 MiB into the run: until then every string lands on fresh
// pages, about 1 ms of page faults each here). Reported separately as the start-up cost.
const WARMUP_ROUNDS = 8;
const samples = {};
const warmup = {};
for (const workloadName of workloadList.split(',')) {
  const workload = workloads[workloadName];
  const states = new Map(adapters.map(({ file }) => [file, workload.setup?.()]));
  const lineup = adapters.filter(({ impl }) => supports(impl, workloadName));
  samples[workloadName] = Object.fromEntries(lineup.map(({ file }) => [file, []]));
  warmup[workloadName] = Object.fromEntries(lineup.map(({ file }) => [file, []]));
  for (let round = -WARMUP_ROUNDS; round < Number(rounds); round++) {
    for (let i = 0; i < lineup.length; i++) {
      const { file, impl } = lineup[(i + round + WARMUP_ROUNDS) % lineup.length];
      globalThis.gc?.();
      await tick();
      const started = performance.now();
      try {
        workload.run(impl, workload.ops, states.get(file));
      } catch (error) {
        throw new Error(`${file}, ${workloadName}, round ${round}`, { cause: error });
      }
      const perOp = ((performance.now() - started) * 1000) / workload.ops;
      (round < 0 ? warmup : samples)[workloadName][file].push(perOp);
    }
  }
}
for (const { impl } of adapters) await impl.close();
process.stdout.write(JSON.stringify({ samples, warmup }));
process.exit(0);
