// One measuring process: every adapter alive side by side, each workload timed in rounds with the adapter
// order rotated every round. Prints JSON: per (workload, adapter) the time per operation of every round.
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
const samples = {};
for (const workloadName of workloadList.split(',')) {
  const workload = workloads[workloadName];
  const states = new Map(adapters.map(({ file }) => [file, workload.setup?.()]));
  const lineup = adapters.filter(({ impl }) => supports(impl, workloadName));
  samples[workloadName] = Object.fromEntries(lineup.map(({ file }) => [file, []]));
  for (const { file, impl } of lineup) {
    await tick();
    workload.run(impl, Math.max(1, Math.ceil(workload.ops / 4)), states.get(file));
  }
  for (let round = 0; round < Number(rounds); round++) {
    for (let i = 0; i < lineup.length; i++) {
      const { file, impl } = lineup[(i + round) % lineup.length];
      globalThis.gc?.();
      await tick();
      const started = performance.now();
      try {
        workload.run(impl, workload.ops, states.get(file));
      } catch (error) {
        throw new Error(`${file}, ${workloadName}, round ${round}`, { cause: error });
      }
      samples[workloadName][file].push(((performance.now() - started) * 1000) / workload.ops);
    }
  }
}
for (const { impl } of adapters) await impl.close();
process.stdout.write(JSON.stringify({ samples }));
process.exit(0);
