// bench/concurrency: anysync's task groups, semaphores, locks and channels against their npm peers and a
// native baseline. Every (workload, adapter) pair runs in fresh processes, interleaved round by round so
// that machine drift hits every adapter alike; each process warms up, then times several rounds. The
// figure reported is the median of all of an adapter's timed rounds, in nanoseconds per operation.
//
//   node bench/concurrency/run.mjs [--processes 3] [--rounds 5] [--only spawn-join,limit-100k] [--out file.md]
//                                  [--quiet-load 1.5] [--no-write]
//
// Prints a table per workload and writes bench/results/concurrency.md (machine, runtime, commit, method).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../support/median.mjs';
import { pairedRatio } from '../support/paired-ratio.mjs';
import { waitForQuietLoad } from '../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../support/run-facts.mjs';
import { lineup, workloads } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'quiet-load': { type: 'string', default: '1.5' },
    out: { type: 'string' },
  },
});
const processes = Number(args.processes);
const rounds = Number(args.rounds);
const selected = args.only ? args.only.split(',') : Object.keys(lineup);

const loadBefore = os.loadavg()[0];

function sample(workload, adapter) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', join(here, 'worker.mjs'), workload, adapter, String(rounds)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`${adapter} on ${workload} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

// The machine may be shared: before each workload, wait (up to two minutes) for the 1-minute load average
// to drop under --quiet-load, so that other people's jobs disturb the comparison less. Recorded below.
const quietLoad = Number(args['quiet-load']);
const loads = [];

const results = {};
for (const workload of selected) {
  loads.push(await waitForQuietLoad(quietLoad));
  const adapters = lineup[workload];
  if (!adapters) throw new Error(`unknown workload ${workload}; known: ${Object.keys(lineup).join(', ')}`);
  // Per adapter, one array of timed rounds per process: process p of every adapter ran in the same slot.
  const samples = Object.fromEntries(adapters.map((adapter) => [adapter, []]));
  const cpuSamples = Object.fromEntries(adapters.map((adapter) => [adapter, []]));
  for (let p = 0; p < processes; p++) {
    // Rotate the order every round so no adapter always runs first (or last) on a warming machine.
    for (let i = 0; i < adapters.length; i++) {
      const adapter = adapters[(i + p) % adapters.length];
      const measured = sample(workload, adapter);
      samples[adapter][p] = measured.samples;
      cpuSamples[adapter][p] = measured.cpuSamples;
    }
  }
  results[workload] = adapters.map((adapter) => ({
    adapter,
    median: median(samples[adapter].flat()),
    cpu: median(cpuSamples[adapter].flat()),
    min: Math.min(...samples[adapter].flat()),
    max: Math.max(...samples[adapter].flat()),
    n: samples[adapter].flat().length,
    rounds: samples[adapter],
    cpuRounds: cpuSamples[adapter],
  }));
  printTable(workload);
}

function formatNs(ns) {
  return ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
}

function rows(workload) {
  const table = results[workload];
  const ours = table.find((row) => row.adapter === 'anysync');
  return table.map((row) => ({
    adapter: row.adapter,
    perOp: formatNs(row.median),
    cpuPerOp: formatNs(row.cpu),
    opsPerSecond: Math.round(1e9 / row.median).toLocaleString('en-US'),
    spread: `${formatNs(row.min)} – ${formatNs(row.max)}`,
    vsAnysync: row === ours ? '1.00×' : `${pairedRatio(row.rounds, ours.rounds).toFixed(2)}×`,
    cpuVsAnysync: row === ours ? '1.00×' : `${pairedRatio(row.cpuRounds, ours.cpuRounds).toFixed(2)}×`,
  }));
}

function printTable(workload) {
  console.log(`\n${workloads[workload].title}`);
  console.table(rows(workload));
}

const verdicts = targets();
for (const line of verdicts) console.log(line);

function ratio(workload, peer) {
  const table = results[workload];
  if (!table) return undefined;
  const ours = table.find((row) => row.adapter === 'anysync');
  const theirs = table.find((row) => row.adapter === peer);
  return pairedRatio(theirs.rounds, ours.rounds);
}

function targets() {
  const out = [];
  for (const workload of ['spawn-join', 'spawn-join-small']) {
    const spawn = results[workload]?.find((row) => row.adapter === 'anysync');
    if (spawn === undefined) continue;
    const ok = spawn.median <= 2000;
    out.push(`${ok ? 'MET' : 'MISSED'}: ${workload} ${formatNs(spawn.median)} per task (target ≤ 2 µs)`);
  }
  for (const workload of ['limit-100k', 'limit-map-100k']) {
    const r = ratio(workload, 'p-limit');
    if (r !== undefined) {
      out.push(
        `${r >= 2 ? 'MET' : 'MISSED'}: ${workload} throughput ${r.toFixed(2)}× p-limit's (target ≥ 2×)`,
      );
    }
  }
  for (const workload of ['lock-uncontended', 'lock-contended']) {
    const r = ratio(workload, 'async-mutex');
    if (r !== undefined) {
      out.push(
        `${r >= 1 ? 'MET' : 'MISSED'}: ${workload} throughput ${r.toFixed(2)}× async-mutex's (target ≥ 1×)`,
      );
    }
  }
  return out;
}

/** How anysync's per-call run() compares with each peer in this run, in words. */
function limitSummary() {
  const table = results['limit-100k'];
  if (table === undefined) return 'was not measured in this run';
  const ours = table.find((row) => row.adapter === 'anysync');
  const peers = table.filter((row) => row !== ours);
  const slower = peers.filter((row) => row.median > ours.median).map((row) => row.adapter);
  const faster = peers.filter((row) => row.median <= ours.median).map((row) => row.adapter);
  const pLimit = ratio('limit-100k', 'p-limit');
  return [
    slower.length > 0 ? `is faster than ${slower.join(', ')}` : '',
    faster.length > 0 ? `is slower than ${faster.join(', ')}` : '',
    `its throughput is ${pLimit.toFixed(2)}× p-limit's`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** Heap bytes per queued call for each limit-100k adapter, measured in fresh processes. */
const queuedMemory = {};
if (selected.includes('limit-100k')) {
  for (const adapter of lineup['limit-100k']) {
    const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'queued-memory.mjs'), adapter], {
      encoding: 'utf8',
    });
    if (child.status === 0) queuedMemory[adapter] = Number(child.stdout);
  }
}

function queuedMemorySummary() {
  const entries = Object.entries(queuedMemory);
  if (entries.length === 0) return 'not measured in this run';
  return entries.map(([adapter, bytes]) => `${adapter} ${bytes} bytes`).join(', ');
}

function markdown() {
  const peers = ['effection', 'p-limit', 'p-queue', 'async-sema', 'async-mutex'];
  const lines = [
    '# bench/concurrency results',
    '',
    'Generated by `node bench/concurrency/run.mjs` (after `npm run build`). Do not edit by hand.',
    '',
    `- Machine: ${machineLine()}`,
    `- Runtime: Node ${process.version} (V8 ${process.versions.v8})`,
    `- Load: the machine is shared; each workload waited (up to 2 min) for the 1-minute load average to fall under ${quietLoad}. Load when each workload started: ${loads.map((load) => load.toFixed(2)).join(', ')} (the run started at ${loadBefore.toFixed(2)}). Higher load widens the spread.`,
    `- Commit: ${commitLabel()}; run at ${new Date().toISOString()}`,
    `- Peers: ${peers.map((name) => `${name} ${packageVersion(name)}`).join(', ')}`,
    `- Method: every (workload, adapter) pair runs in ${processes} fresh processes (\`node --expose-gc\`), interleaved and rotated round by round; each process runs 2 warm-up rounds and ${rounds} timed rounds with a GC before each; the figure is the median of the ${processes * rounds} timed rounds, in wall time per operation (lower is better); the CPU columns give the median CPU time (user + system, all threads, so garbage-collector helper threads count) per operation, which other jobs on a shared machine disturb less. "vs anysync" is the peer's time divided by ours (above 1 means anysync is faster), as the median over the ${processes} process slots of the ratio of the two processes' medians (a slot runs every adapter once, one after another), so that a process that ran slow as a whole weighs on one slot only. Each adapter's result is validated (counts, ordering, mutual exclusion, limits), so a fast wrong answer fails the run. Processes are isolated so one library's global state (e.g. an active AsyncLocalStorage, which anysync's task groups turn on and which taxes every promise on Node 20) never slows another.`,
    '',
    '## Targets',
    '',
    ...verdicts.map((line) => `- ${line}`),
    '',
    'Notes on the figures:',
    '',
    `- \`limit-100k\` queues all 100 000 calls at once through \`semaphore.run(task)\`. With 100 000 calls alive, the workload is dominated by garbage collection for every library (about half of anysync's CPU profile), so what counts is what a queued call keeps alive. An anysync call keeps the promise it returns (its \`resolve\` only), three slots in the queue and an \`AsyncResource\`, so that, when its turn comes, the task starts in the caller's async context (AsyncLocalStorage stores survive, as with p-limit and async-sema); no waiter object, no gate promise. Heap per queued call (\`bench/concurrency/queued-memory.mjs\`, after a full GC, the returned promise included): ${queuedMemorySummary()}. anysync ${limitSummary()}.`,
    '- `limit-map-100k` is the same job through the bulk API (`semaphore.map(items, fn)` against `limit.map` and `queue.addAll`): only the running calls exist, so it is several times faster.',
    '- anysync task groups start AsyncLocalStorage (for the ambient cancel scope); its cost on every promise is included in the spawn + join figures. The small-group workload also pays for one `AbortSignal` per group (about 4 µs on Node 20).',
    '',
  ];
  for (const workload of Object.keys(results)) {
    lines.push(
      `## ${workloads[workload].title}`,
      '',
      '| adapter | per op (median) | ops/s | spread (min – max) | vs anysync | CPU per op | CPU vs anysync |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of rows(workload)) {
      lines.push(
        `| ${row.adapter} | ${row.perOp} | ${row.opsPerSecond} | ${row.spread} | ${row.vsAnysync} | ${row.cpuPerOp} | ${row.cpuVsAnysync} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

// A partial run (--only) writes only where asked, so it never replaces the committed results.
if (args.out !== undefined || (!args['no-write'] && !args.only)) {
  const file = args.out ?? join(here, '..', 'results', 'concurrency.md');
  writeFileSync(file, `${markdown()}\n`);
  console.log(`\nwrote ${file}`);
}
