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
// One full GC before the first round, none between rounds: each adapter pays, in the rounds that make it,
// for the garbage it makes, as an application does. (A full GC before every round also found every object
// of the last round dead, so V8 dropped the hidden classes of per-call objects and deoptimised the code
// built on them: a cost an application pays after idling, here paid every round. See notes.md.)
globalThis.gc?.();
for (let round = -WARMUP; round < rounds; round++) {
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
