// bench/utilities: anysync's caches, LRU map, batcher, rate limiter and dual-colour queue against their
// npm peers (p-memoize, lru-cache, dataloader, p-throttle, bottleneck) and hand-written baselines. Every
// (workload, adapter) pair runs in fresh processes, interleaved and rotated round by round so machine
// drift hits every adapter alike; each process warms up, then times several rounds. The figure reported is
// the median of all of an adapter's timed rounds, in time per operation.
//
//   node bench/utilities/run.mjs [--processes 7] [--rounds 5] [--only cache-hits,lru-mixed] [--no-write]
//                                [--quiet-load 0.6] [--help]
//
// Prints a table per workload and writes bench/results/utilities.md (machine, runtime, commit, method);
// with --only, prints the chosen workloads' tables and verdicts and writes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../support/median.mjs';
import { pairedRatio, slotRange } from '../support/paired-ratio.mjs';
import { waitForQuietLoad } from '../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../support/run-facts.mjs';
import { lineup, workloads } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '7' },
    rounds: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'quiet-load': { type: 'string', default: '0.6' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(`node bench/utilities/run.mjs [options]
  --processes N     fresh processes per (workload, adapter) pair (default 7)
  --rounds N        timed rounds per process, after 4 warm-up rounds (default 5)
  --only a,b        run only these workloads (no file written): ${Object.keys(lineup).join(', ')}
  --no-write        do not write bench/results/utilities.md
  --quiet-load X    before each workload, wait (up to 2 min) for the 1-minute load average to fall under X (default 0.6)`);
  process.exit(0);
}
const processes = Number(args.processes);
const rounds = Number(args.rounds);
const selected = args.only ? args.only.split(',') : Object.keys(lineup);
const loadBefore = os.loadavg()[0];

function sample(workload, adapter) {
  const child = spawnSync(
    process.execPath,
    [...V8_FLAGS, join(here, 'worker.mjs'), workload, adapter, String(rounds)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`${adapter} on ${workload} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

// Every adapter runs with the young generation at 16 MiB (V8's largest on 64-bit, where it settles under
// sustained allocation). Left to grow, it grows after a number of scavenges: an adapter that allocates
// less stays longer in a smaller one, with twice the scavenges per round (see notes.md).
const V8_FLAGS = ['--expose-gc', '--min-semi-space-size=16'];

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
  const windows = {};
  for (let p = 0; p < processes; p++) {
    // Rotate the order every round so no adapter always runs first (or last) on a warming machine.
    for (let i = 0; i < adapters.length; i++) {
      const adapter = adapters[(i + p) % adapters.length];
      const outcome = sample(workload, adapter);
      samples[adapter][p] = outcome.samples;
      if (outcome.maxInWindow !== undefined)
        windows[adapter] = Math.max(windows[adapter] ?? 0, outcome.maxInWindow);
    }
  }
  results[workload] = adapters.map((adapter) => ({
    adapter,
    median: median(samples[adapter].flat()),
    min: Math.min(...samples[adapter].flat()),
    max: Math.max(...samples[adapter].flat()),
    maxInWindow: windows[adapter],
    rounds: samples[adapter],
  }));
  printTable(workload);
}

function formatNs(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  return ns >= 10_000 ? `${(ns / 1000).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
}

function rows(workload) {
  const table = results[workload];
  const ours = table.find((row) => row.adapter === 'anysync');
  return table.map((row) => ({
    adapter: row.adapter,
    perOp: formatNs(row.median),
    opsPerSecond: Math.round(1e9 / row.median).toLocaleString('en-US'),
    spread: `${formatNs(row.min)} – ${formatNs(row.max)}`,
    vsAnysync: row === ours ? '1.00×' : `${pairedRatio(row.rounds, ours.rounds).toFixed(2)}×`,
    ...(row.maxInWindow === undefined ? {} : { maxInWindow: row.maxInWindow }),
  }));
}

function printTable(workload) {
  console.log(`\n${workloads[workload].title}`);
  console.table(rows(workload));
}

/** Target: at least parity with each peer on its own workload (ratio ≥ 1 means anysync is as fast or faster). */
const peersOf = {
  'cache-hits': ['p-memoize', 'lru-cache'],
  'inflight-dedupe': ['p-memoize', 'lru-cache'],
  'lru-mixed': ['lru-cache'],
  'lru-hits': ['lru-cache'],
  // Like for like: our default shares a key requested twice in one batch, as DataLoader does through its
  // cache (`dataloader-dedupe`: cleared after each batch); with `cache: false` DataLoader shares nothing,
  // like `dedupe: false`.
  'batch-load': ['dataloader-dedupe'],
  'batch-load (dedupe: false)': ['dataloader'],
  'rate-open': ['p-throttle'],
  'rate-open-2k': ['bottleneck'],
  'rate-saturated': ['p-throttle', 'bottleneck'],
};
const verdicts = [];
for (const [target, peers] of Object.entries(peersOf)) {
  const workload = target.split(' ')[0];
  const table = results[workload];
  if (!table) continue;
  const ours = table.find(
    (row) => row.adapter === (target.includes('dedupe: false') ? 'anysync-no-dedupe' : 'anysync'),
  );
  for (const peer of peers) {
    const theirs = table.find((row) => row.adapter === peer);
    const ratio = pairedRatio(theirs.rounds, ours.rounds);
    const label = peer === 'dataloader' ? 'dataloader (cache: false)' : peer;
    verdicts.push(
      `${ratio >= 1 ? 'MET' : 'MISSED'}: ${target} vs ${label}: ${ratio.toFixed(2)}× (target ≥ 1×; process slots ${slotRange(theirs.rounds, ours.rounds)})`,
    );
  }
}
// Reported, not a target: unlike work (our default shares repeated keys, DataLoader with `cache: false` does not).
const unlike = results['batch-load'];
if (unlike) {
  const ratio = pairedRatio(
    unlike.find((row) => row.adapter === 'dataloader').rounds,
    unlike.find((row) => row.adapter === 'anysync').rounds,
  );
  verdicts.push(
    `NOT A TARGET (unlike work): batch-load, sharing repeated keys, vs dataloader (cache: false), sharing none: ${ratio.toFixed(2)}×`,
  );
}
for (const line of verdicts) console.log(line);

function markdown(notes) {
  const peers = ['p-memoize', 'lru-cache', 'dataloader', 'p-throttle', 'bottleneck'];
  const lines = [
    '# bench/utilities results',
    '',
    'Generated by `node bench/utilities/run.mjs` (after `npm run build`); the notes below the tables are',
    'kept in `bench/utilities/notes.md`. Do not edit this file by hand.',
    '',
    `- Machine: ${machineLine()}`,
    `- Runtime: Node ${process.version} (V8 ${process.versions.v8})`,
    `- Load: the machine is shared; each workload waited (up to 2 min) for the 1-minute load average to fall under ${quietLoad}. Load when each workload started: ${loads.map((load) => load.toFixed(2)).join(', ')} (the run started at ${loadBefore.toFixed(2)}). Higher load widens the spread.`,
    `- Commit: ${commitLabel()}; run at ${new Date().toISOString()}`,
    `- Peers: ${peers.map((name) => `${name} ${packageVersion(name)}`).join(', ')}`,
    `- Method: every (workload, adapter) pair runs in ${processes} fresh processes (\`node ${V8_FLAGS.join(' ')}\`: the young generation fixed at its largest size), interleaved and rotated round by round; each process runs a full GC, then 4 warm-up rounds and ${rounds} timed rounds with no forced GC between them (each adapter pays for its own garbage); the figure is the median of the ${processes * rounds} timed rounds, in time per operation (lower is better). "vs anysync" is the peer's time divided by ours (above 1 means anysync is faster), as the median over the ${processes} process slots of the ratio of the two processes' medians (a slot runs every adapter once, one after another), so that a process that ran slow as a whole weighs on one slot, not on the pooled median. Each adapter's result is validated (computation counts, sums, hit counts against a reference LRU), so a fast wrong answer fails the run. "native" is a hand-written baseline without a library.`,
    '',
    '## Targets: at least parity with each peer on its own workload',
    '',
    ...verdicts.map((line) => `- ${line}`),
    '',
  ];
  for (const workload of Object.keys(results)) {
    const windowed = results[workload].some((row) => row.maxInWindow !== undefined);
    lines.push(
      `## ${workloads[workload].title}`,
      '',
      `| adapter | per op (median) | ops/s | spread (min – max) | vs anysync |${windowed ? ' most admitted in any window |' : ''}`,
      `|---|---:|---:|---:|---:|${windowed ? '---:|' : ''}`,
    );
    for (const row of rows(workload)) {
      lines.push(
        `| ${row.adapter} | ${row.perOp} | ${row.opsPerSecond} | ${row.spread} | ${row.vsAnysync} |${windowed ? ` ${row.maxInWindow} |` : ''}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n${notes}`;
}

if (!args['no-write'] && !args.only) {
  const notes = readFileSync(join(here, 'notes.md'), 'utf8');
  const file = join(here, '..', 'results', 'utilities.md');
  writeFileSync(file, `${markdown(notes)}\n`);
  console.log(`\nwrote ${file}`);
}
