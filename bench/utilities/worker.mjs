// Runs one workload with one adapter in a fresh process (so no library's global state taxes another) and
// prints the per-operation samples as JSON, plus the worst `maxInWindow` an adapter reported, if any.
import { workloads } from './workloads.mjs';

const [workloadName, adapterName, roundsArg] = process.argv.slice(2);
const workload = workloads[workloadName];
const adapter = await import(`./adapters/${adapterName}.mjs`);
const run = adapter[workload.method];
if (typeof run !== 'function') throw new Error(`${adapterName} has no ${workload.method}()`);

const rounds = Number(roundsArg ?? 5);
/** Rounds run before timing: large functions take a few rounds of 100 000 calls to settle in the JIT. */
const WARMUP = 4;
const samples = [];
let maxInWindow;
for (let round = -WARMUP; round < rounds; round++) {
  globalThis.gc?.();
  const started = performance.now();
  const result = await run(workload.params);
  const elapsed = performance.now() - started;
  if (!workload.validate(result)) {
    throw new Error(`${adapterName} failed ${workloadName}: ${JSON.stringify(result)}`);
  }
  if (round < 0) continue; // warm-up rounds: let the JIT optimise (and deoptimise) first
  samples.push((elapsed * 1e6) / workload.ops);
  if (result?.maxInWindow !== undefined) maxInWindow = Math.max(maxInWindow ?? 0, result.maxInWindow);
}
await adapter.close?.();
process.stdout.write(JSON.stringify({ samples, maxInWindow }));
