// One process, one adapter, one workload: warm up, then time several bursts. Prints JSON samples (tasks/s).
//   node measure.mjs <adapter> <workload> <rounds> <size>
import { workloads } from './workloads.mjs';

const [adapterName, workloadName, rounds = '5', size = '2'] = process.argv.slice(2);
const adapter = await import(`./adapters/${adapterName}.mjs`);
const impl = await adapter.create(Number(size));
const workload = workloads[workloadName];

async function burst(count) {
  const results = await Promise.all(Array.from({ length: count }, (_, i) => workload.run(impl, i)));
  if (!workload.check(results)) throw new Error(`${adapterName} gave wrong results on ${workloadName}`);
}

await burst(Math.ceil(workload.tasks / 4));
const samples = [];
for (let round = 0; round < Number(rounds); round++) {
  globalThis.gc?.();
  const started = performance.now();
  await burst(workload.tasks);
  samples.push((workload.tasks * 1000) / (performance.now() - started));
}
await impl.close();
process.stdout.write(JSON.stringify({ samples }));
