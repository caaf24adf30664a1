// Runs one workload with one adapter in a fresh process (so no library's global state, such as an active
// AsyncLocalStorage, taxes another) and prints the per-operation samples as JSON.
import { workloads } from './workloads.mjs';

const [workloadName, adapterName, roundsArg] = process.argv.slice(2);
const workload = workloads[workloadName];
const adapter = await import(`./adapters/${adapterName}.mjs`);
const run = adapter[workload.method];
if (typeof run !== 'function') throw new Error(`${adapterName} has no ${workload.method}()`);

const rounds = Number(roundsArg ?? 9);
const samples = [];
const cpuSamples = [];
for (let round = -2; round < rounds; round++) {
  globalThis.gc?.();
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const result = await run(workload.params);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  if (!workload.validate(result)) {
    throw new Error(`${adapterName} failed ${workloadName}: ${JSON.stringify(result)}`);
  }
  if (round >= 0) {
    // The first two rounds warm the JIT up. Wall time, and CPU time (user + system, all threads), which a
    // busy shared machine disturbs far less because time spent descheduled is not counted.
    samples.push((elapsed * 1e6) / workload.ops);
    cpuSamples.push(((cpu.user + cpu.system) * 1e3) / workload.ops);
  }
}
process.stdout.write(JSON.stringify({ samples, cpuSamples }));
