// bench/synchronizer: anysync's Synchronizer against synckit, make-synchronized, make-synchronous and a raw
// SharedArrayBuffer ping-pong, on eight workloads. Every adapter lives side by side in each measuring
// process (`measure.mjs`), timed in rounds with the order rotated, so ratios between adapters come from
// the same round of the same process; several processes average out a worker thread's wake-up luck.
//
// Every workload is measured twice: on the machine as it is ("quiet": the runner first waits for the load
// average to fall under --quiet-load) and under a load the runner starts itself, one busy process per
// core ("loaded").
//
//   node bench/synchronizer/run.mjs [--processes 3] [--rounds 7] [--only trivial,timer]
//                                   [--conditions quiet,loaded] [--quiet-load 1.5] [--no-write] [--no-prettier]
//
// Prints a table per workload and writes bench/results/synchronizer.md (machine, runtime, commit, method);
// then, unless --only or --no-prettier, runs the real-workload benches: prettier/run.mjs, which writes
// bench/results/synchronizer-prettier.md, and eslint-prettier/run.mjs (a synckit tool migrated to
// anysync/synckit), which writes bench/results/synchronizer-eslint-prettier.md.
// ANYSYNC_OPTS='{"linger":0}' passes options to anysync's Synchronizer, for experiments.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../support/median.mjs';
import { waitForQuietLoad } from '../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../support/run-facts.mjs';
import { startBusyProcesses } from '../support/background-load.mjs';
import { workloads } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '7' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'quiet-load': { type: 'string', default: '1.5' },
    conditions: { type: 'string', default: 'quiet,loaded' },
    'no-prettier': { type: 'boolean', default: false },
  },
});
const conditions = args.conditions.split(',');
const busyCount = os.availableParallelism();
const adapters = ['raw-sab', 'anysync', 'synckit', 'make-synchronized', 'make-synchronous'];
const labels = {
  'raw-sab': 'raw SAB ping-pong',
  anysync: 'anysync',
  synckit: 'synckit',
  'make-synchronized': 'make-synchronized',
  'make-synchronous': 'make-synchronous',
};
const selected = args.only ? args.only.split(',') : Object.keys(workloads);
// The machine may be shared: wait (up to two minutes) for the load average to drop before each process.
const loads = { quiet: [], loaded: [] };

/** samples[condition][workload][adapter]: per measuring process, the per-op time of each timed round. */
const samples = {};
const warmup = {};
for (const condition of conditions) {
  samples[condition] = {};
  warmup[condition] = {};
  for (let p = 0; p < Number(args.processes); p++) {
    loads[condition].push(await waitForQuietLoad(Number(args['quiet-load'])));
    const stop = condition === 'loaded' ? startBusyProcesses(busyCount) : undefined;
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', join(here, 'measure.mjs'), args.rounds, adapters.join(','), selected.join(',')],
      { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 30 * 60_000 },
    );
    await stop?.();
    if (child.status !== 0) throw new Error(`measuring process failed:\n${child.stderr}`);
    const measured = JSON.parse(child.stdout);
    for (const [workload, byAdapter] of Object.entries(measured.samples)) {
      samples[condition][workload] ??= {};
      warmup[condition][workload] ??= {};
      for (const [adapter, values] of Object.entries(byAdapter)) {
        samples[condition][workload][adapter] ??= [];
        samples[condition][workload][adapter].push(values);
        warmup[condition][workload][adapter] ??= [];
        warmup[condition][workload][adapter].push(...measured.warmup[workload][adapter]);
      }
    }
  }
}

// The loaded trivial call once more with raw and anysync each alone in its measuring process, no other
// adapter alive: side by side, what one adapter's threads did in their rounds changes how the scheduler
// treats the shared main thread in the next adapter's rounds.
const ALONE = ['raw-sab', 'anysync'];
const alone = Object.fromEntries(ALONE.map((adapter) => [adapter, []]));
const aloneLoads = [];
if (conditions.includes('loaded') && selected.includes('trivial')) {
  for (let p = 0; p < Number(args.processes); p++) {
    for (const adapter of p % 2 === 0 ? ALONE : [...ALONE].reverse()) {
      aloneLoads.push(await waitForQuietLoad(Number(args['quiet-load'])));
      const stop = startBusyProcesses(busyCount);
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', join(here, 'measure.mjs'), args.rounds, adapter, 'trivial'],
        { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 30 * 60_000 },
      );
      await stop();
      if (child.status !== 0) throw new Error(`measuring process failed:\n${child.stderr}`);
      alone[adapter].push(...JSON.parse(child.stdout).samples.trivial[adapter]);
    }
  }
}

/** Per-round ratios a/b (same process, same round), flattened, in one condition. */
function ratios(condition, workload, a, b) {
  const left = samples[condition]?.[workload]?.[a];
  const right = samples[condition]?.[workload]?.[b];
  if (!left || !right) return undefined;
  return median(left.flatMap((rounds, p) => rounds.map((value, r) => value / right[p][r])));
}

const format = (us) =>
  us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : us >= 10 ? `${us.toFixed(1)} µs` : `${us.toFixed(3)} µs`;
const results = {};
for (const condition of conditions) {
  results[condition] = {};
  for (const workload of selected) {
    results[condition][workload] = Object.keys(samples[condition][workload]).map((adapter) => {
      const all = samples[condition][workload][adapter].flat();
      return {
        adapter,
        median: median(all),
        min: Math.min(...all),
        max: Math.max(...all),
        vsRaw: ratios(condition, workload, adapter, 'raw-sab'),
        vsAnysync: ratios(condition, workload, adapter, 'anysync'),
        warmup: median(warmup[condition][workload][adapter]),
      };
    });
  }
}

const CONDITION_LABELS = {
  quiet: 'quiet',
  loaded: `loaded (${busyCount} busy processes)`,
};

function table(workload) {
  const { title, per } = workloads[workload];
  const parts = [`## ${title}\n`];
  for (const condition of conditions) {
    const rows = results[condition][workload].map(
      (row) =>
        `| ${labels[row.adapter]} | ${format(row.median)} | ${format(row.min)} – ${format(row.max)} | ${row.vsRaw.toFixed(2)}× | ${row.vsAnysync.toFixed(2)}× | ${format(row.warmup)} |`,
    );
    parts.push(
      `${CONDITION_LABELS[condition]}:\n\n| adapter | per ${per} (median) | spread (min – max) | vs raw SAB | vs anysync | warm-up rounds (median) |\n|---|---:|---:|---:|---:|---:|\n${rows.join('\n')}\n`,
    );
  }
  const missing = adapters
    .filter((adapter) => !samples[conditions[0]][workload][adapter])
    .map((adapter) => labels[adapter]);
  if (missing.length) parts.push(`Not supported by ${missing.join(', ')}.\n`);
  return parts.join('\n');
}

function aloneTable() {
  if (alone.anysync.length === 0) return '';
  const rows = ALONE.map((adapter) => {
    const values = alone[adapter];
    return `| ${labels[adapter]} | ${format(median(values))} | ${format(Math.min(...values))} – ${format(Math.max(...values))} |`;
  });
  const ratio = median(alone.anysync) / median(alone['raw-sab']);
  return `## Trivial call, loaded, each adapter alone in its process

${args.processes} measuring processes per adapter, alternating, each beside ${busyCount} busy processes and with no other adapter alive; ${args.rounds} timed rounds each after 8 warm-up rounds. Rounds of different processes cannot be paired, so the ratio is of the medians: anysync took **${ratio.toFixed(2)}×** the raw baseline's time (side by side above: ${find('loaded', 'trivial', 'anysync')?.vsRaw?.toFixed(2)}×). Load averages before each process: ${aloneLoads.map((load) => load.toFixed(2)).join(', ')}.

| adapter | per call (median) | spread (min – max) |
|---|---:|---:|
${rows.join('\n')}
`;
}

const find = (condition, workload, adapter) =>
  results[condition]?.[workload]?.find((row) => row.adapter === adapter);
const targets = [];
const target = (label, value, limit, figure) =>
  value !== undefined && targets.push(`- ${value <= limit ? 'MET' : 'MISSED'}: ${label}: ${figure}`);
const vsSynckit = (condition, workload) => ratios(condition, workload, 'anysync', 'synckit');
if (conditions.includes('quiet')) {
  target(
    'trivial call ≤ 0.5× synckit, quiet',
    vsSynckit('quiet', 'trivial'),
    0.5,
    `${vsSynckit('quiet', 'trivial')?.toFixed(2)}× synckit's time`,
  );
}
if (conditions.includes('loaded')) {
  target(
    'trivial call ≤ 0.67× synckit, loaded',
    vsSynckit('loaded', 'trivial'),
    0.67,
    `${vsSynckit('loaded', 'trivial')?.toFixed(2)}× synckit's time`,
  );
  const raw = find('loaded', 'trivial', 'anysync')?.vsRaw;
  target('trivial call ≤ 1.0× the raw baseline, loaded', raw, 1.0, `${raw?.toFixed(2)}× raw`);
}
for (const condition of conditions) {
  target(
    `1 MiB string ≤ 0.5× synckit, ${condition}`,
    vsSynckit(condition, 'string-1mb'),
    0.5,
    `${vsSynckit(condition, 'string-1mb')?.toFixed(2)}× synckit's time`,
  );
  const item = find(condition, 'generator-20k', 'anysync')?.median;
  target(`generator ≤ 1 µs per item, ${condition}`, item, 1, `${format(item ?? Number.NaN)} per item`);
  for (const workload of selected) {
    const vsRaw = find(condition, workload, 'anysync')?.vsRaw;
    target(`${workload} ≤ 1.3× the raw baseline, ${condition}`, vsRaw, 1.3, `${vsRaw?.toFixed(2)}× raw`);
  }
}

for (const workload of selected) console.log(`\n${table(workload)}`);
console.log(`\n${aloneTable()}`);
console.log(`\n${targets.join('\n')}`);

if (!args['no-write']) {
  const version = packageVersion;
  const commit = commitLabel();
  const report = `# bench/synchronizer results

Generated by \`node bench/synchronizer/run.mjs\` (after \`npm run build\`). Do not edit by hand.

- Machine: ${machineLine()}
- Runtime: Node ${process.version} (V8 ${process.versions.v8})
- Load: quiet: 1-minute load average ${loads.quiet.map((load) => load.toFixed(2)).join(', ') || 'not run'} before each measuring process (the machine is shared); loaded: the same with ${busyCount} busy processes (one per core, \`for (;;) {}\`) started by the runner for each measuring process (load averages before: ${loads.loaded.map((load) => load.toFixed(2)).join(', ') || 'not run'})
- Commit: ${commit}; run at ${new Date().toISOString()}
- Peers: synckit ${version('synckit')}, make-synchronized ${version('make-synchronized')}, make-synchronous ${version('make-synchronous')}
- Method: ${args.processes} measuring processes (\`node --expose-gc\`), each with every adapter alive side by side, each workload run in 8 warm-up rounds and then timed in ${args.rounds} rounds, with the adapter order rotated every round and a GC before each batch; blocking loops run from a macrotask. "per op" is the median of all timed rounds; the warm-up rounds' median is shown apart, as the cost in a fresh process; "vs raw SAB" and "vs anysync" are medians of per-round ratios (same process, same round), so they hold even when the machine's speed drifts. Every result is validated. The raw baseline is a hand-written futex ping-pong whose worker parks on shared memory between calls (its event loop frozen), with strings as ASCII bytes, objects as JSON text and buffers copied through shared memory; both of its sides park on a futex at once (no polling), and it pulls generator items 256 at a time, one batch per round trip. anysync runs with its defaults: each side polls shared memory before parking for as long as a futex wake-up has been costing it (measured), and the worker, where wake-ups are slow (idle CPUs), until a little past when the caller usually sends its next call (measured), at most 250 µs (the worker only within its 10 ms linger), and its sync iterators have the worker pull the next batch while the caller consumes the current one. The peers clone arguments and results with \`postMessage\` and cannot transfer per call, iterate generators or keep class instances on the worker.

## Targets

${targets.join('\n')}

${selected.map(table).join('\n')}
${aloneTable()}
## Notes

- This is a shared 2-core virtual machine whose cross-thread wake-up latency is bimodal (a worker pair runs
  in a fast or a slow mode for a while), so single rounds vary several-fold; compare the medians of
  per-round ratios, and expect a few percent of drift between runs.
- Polling is why anysync can beat the raw baseline on small calls: on a quiet virtual machine a futex
  wake-up costs more than the call itself, and while both sides poll a burst of calls never sleeps. On a
  busy machine the scheduler keeps a caller and worker that wake each other either on two CPUs, where
  anysync's polls end nearly every wait, or together on one, where polling cannot help (the other thread
  runs only once this one stops): both sides then park on every call, as the baseline's do, and anysync's
  own work per call, which the baseline does not have, decides the row. Which placement a measuring
  process gets is chance, so the loaded trivial row moves between runs more than between builds. Polling
  for longer does not change the placement and costs everyone else: a variant that polled up to 1 ms on
  both sides (not shipped) made the other adapters' calls several times slower in the same process, whose
  main thread they share. \`poll: 0\` turns polling off.
- Side by side, one adapter's rounds change how the next adapter's threads are scheduled, which is why
  the loaded trivial call is also measured with each adapter alone in its process (its own table).
- "loaded" runs every measuring process beside one busy process per core (\`for (;;) {}\`), started and
  stopped by the runner.
- Generator: the cost is per item on the worker (an \`await\` of the generator's \`next()\`, as in the
  baseline) plus one round trip per batch; anysync's caller consumes a batch while the worker pulls the
  next. The raw baseline reads a packed array of doubles with no iterator protocol.
- Class handle: constructing is about twice a call: the handle is registered with a \`FinalizationRegistry\`
  and a \`WeakRef\` on the caller and in the object table on the worker, and the class's shape crosses once.
- A 1 MiB string must become a fresh 1 MiB string on the worker. Node makes it an external string,
  allocated with malloc; in a fresh process every such string lands on fresh pages (some 256 page faults,
  about 1 ms here), until the worker's first GCs free earlier ones (some 64 MiB of strings into the run)
  and malloc starts reusing warm memory. That start-up phase is the warm-up column, where every
  implementation pays about 1 ms a call; in the timed rounds anysync's strings reuse memory, while the
  peers' structured clone puts each string in V8's large-object space, fresh pages every time.
- anysync's worker lingers on shared memory for up to 10 ms after a blocking reply, so a burst of calls
  costs no message at all; it takes a turn of its event loop between bursts, after any call longer than
  1 ms, and at least every 10 ms during a burst (a turn needs no message: the caller leaves its next
  request in shared memory, read after the turn).
`;
  writeFileSync(join(here, '../results/synchronizer.md'), report);
  console.log('\nwrote bench/results/synchronizer.md');
}

// The real workloads, each its own runner: prettier.format made sync three ways, and a synckit tool
// migrated to anysync/synckit.
if (!args.only && !args['no-prettier']) {
  for (const workload of ['prettier', 'eslint-prettier']) {
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        join(here, workload, 'run.mjs'),
        '--quiet-load',
        args['quiet-load'],
        '--conditions',
        args.conditions,
        ...(args['no-write'] ? ['--no-write'] : []),
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
