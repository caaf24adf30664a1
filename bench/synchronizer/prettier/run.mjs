// bench/synchronizer/prettier: a real workload. prettier.format over the source files of a package
// installed from npm at run time (rxjs 7.8.1: its TypeScript sources and its ES module build, about 500
// files; nothing of it is committed), made sync by anysync, @prettier/sync and synckit, every output
// compared byte for byte with prettier's own async format. Each measuring process formats every file with
// every adapter, rotated round by round; anysync's time is compared with each peer's in the same process.
// A second table shows how fast prettier itself runs on each thread, to tell formatting from transport.
//
//   node bench/synchronizer/prettier/run.mjs [--processes 5] [--rounds 5] [--conditions quiet,loaded]
//                                            [--quiet-load 1.5] [--no-write]
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadLine, runMeasuringProcesses } from '../../support/measuring-processes.mjs';
import { median } from '../../support/median.mjs';
import { installFromNpm } from '../../support/npm-install.mjs';
import { pairedRatio, slotRange } from '../../support/paired-ratio.mjs';
import { commitLabel, machineLine, packageVersion } from '../../support/run-facts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    conditions: { type: 'string', default: 'quiet,loaded' },
    'quiet-load': { type: 'string', default: '1.5' },
    'no-write': { type: 'boolean', default: false },
  },
});
const PACKAGE = 'rxjs@7.8.1';
const busyCount = os.availableParallelism();

/** The package's files, installed into a temporary directory with npm (never committed). */
function fetchFiles() {
  const dir = installFromNpm('prettier-files', [PACKAGE]);
  const root = join(dir, 'node_modules', 'rxjs');
  const walk = (folder, extension) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path, extension);
      return entry.name.endsWith(extension) ? [path] : [];
    });
  const files = [...walk(join(root, 'src'), '.ts'), ...walk(join(root, 'dist', 'esm'), '.js')].sort();
  return { dir, files };
}

const { dir, files } = fetchFiles();
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
const list = join(dir, 'files.json');
writeFileSync(list, JSON.stringify(files));
if (files.length < 300) throw new Error(`only ${files.length} files: the bench needs at least 300`);

const conditions = args.conditions.split(',');
const { results, loads } = await runMeasuringProcesses({
  script: join(here, 'measure.mjs'),
  argv: [list, args.rounds],
  conditions,
  processes: Number(args.processes),
  quietLoad: Number(args['quiet-load']),
  busy: busyCount,
});
rmSync(dir, { recursive: true, force: true });

const adapters = Object.keys(results[conditions[0]][0].samples);
const peers = adapters.filter((name) => name !== 'anysync');
const ms = (value) => `${value.toFixed(0)} ms`;
const lines = [];
const verdicts = [];
for (const condition of conditions) {
  const runs = results[condition];
  const perProcess = (name) => runs.map((run) => run.samples[name]);
  const rows = adapters.map((name) => {
    const all = perProcess(name).flat();
    const vs =
      name === 'anysync'
        ? '1.00×'
        : `${pairedRatio(perProcess('anysync'), perProcess(name)).toFixed(2)}× (${slotRange(perProcess('anysync'), perProcess(name))})`;
    return `| ${name} | ${ms(median(all))} | ${((median(all) * 1000) / files.length).toFixed(0)} µs | ${ms(Math.min(...all))} – ${ms(Math.max(...all))} | ${vs} | ${ms(median(runs.map((run) => run.warmup[name])))} |`;
  });
  const best = Math.min(...peers.map((name) => pairedRatio(perProcess('anysync'), perProcess(name)) ** -1));
  const ratio = 1 / best;
  verdicts.push(
    `- ${ratio <= 1 ? 'MET' : 'MISSED'}: anysync ≤ 1.0× the best peer's time, ${condition}: ${ratio.toFixed(2)}×`,
  );
  lines.push(
    `## Formatting every file once, ${condition === 'loaded' ? `loaded (${busyCount} busy processes)` : 'quiet'}\n\n` +
      "| adapter | per pass (median) | per file | spread (min – max) | anysync's time ÷ this (per-process slots) | warm-up pass |\n|---|---:|---:|---:|---:|---:|\n" +
      `${rows.join('\n')}\n`,
  );
  const threads = Object.keys(runs[0].execution);
  const column = (thread) => runs.map((run) => run.execution[thread]);
  const threadRows = threads.map((thread) => {
    const wall = column(thread);
    const pauses = runs.flatMap((run) => run.pauses[thread]);
    const inside = median(pauses.map(([within]) => within));
    const between = median(pauses.map(([, after]) => after));
    const withBetween = runs.map((run) =>
      run.execution[thread].map((time, i) => time + run.pauses[thread][i][1]),
    );
    return `| ${thread} | ${ms(median(wall.flat()))} | ${pairedRatio(wall, column('main')).toFixed(2)}× | ${ms(inside)} | ${ms(between)} | ${ms(median(withBetween.flat()))} |`;
  });
  lines.push(
    `### Time prettier itself takes on each thread, ${condition}\n\n(the sum over every file of the wall time of \`prettier.format\`'s own work, measured with \`performance.now()\` on the thread that runs it; no CPU time, which Linux brings up to date per thread only at scheduler ticks and context switches, too coarse for calls of a few milliseconds. The pauses are that thread's garbage-collection pauses as V8 reports them (\`PerformanceObserver\` \`gc\` entries), counted inside prettier's calls when one started during a call and between calls otherwise; V8 runs some collections at the thread's next turn of its event loop and the rest when an allocation needs room, so where they fall depends on how the thread waits between calls)\n\n` +
      `| thread | wall time per pass (median) | vs the main thread | GC pauses inside prettier, per pass (median) | GC pauses between calls, per pass (median) | wall time + pauses between calls, per pass (median) |\n|---|---:|---:|---:|---:|---:|\n${threadRows.join('\n')}\n`,
  );
}

const report = `# bench/synchronizer/prettier results

Generated by \`node bench/synchronizer/prettier/run.mjs\` (after \`npm run build\`). Do not edit by hand.

- Machine: ${machineLine()}
- Runtime: Node ${process.version} (V8 ${process.versions.v8})
- Load: ${loadLine(conditions, loads, busyCount)}
- Commit: ${commitLabel()}; run at ${new Date().toISOString()}
- Workload: prettier ${packageVersion('prettier')} formatting the ${files.length} files (${(bytes / 1024).toFixed(0)} KiB) of ${PACKAGE}'s \`src/**/*.ts\` and \`dist/esm/**/*.js\`, installed from npm at run time, one file after the other, each with its \`filepath\` (so prettier picks the parser).
- Peers: @prettier/sync ${packageVersion('@prettier/sync')} (make-synchronized ${packageVersion('make-synchronized')}), synckit ${packageVersion('synckit')}
- Method: ${args.processes} measuring processes (\`node --expose-gc\`) per condition, each with every adapter alive side by side: a warm-up pass over every file per adapter, then ${args.rounds} timed passes each, the adapter order rotated every round, a GC before each pass. Every output of every pass is compared byte for byte with prettier's own async \`format\` in the same process (a difference fails the run). "anysync's time ÷ this" is the median over processes of the ratio of the two adapters' medians in that process (its spread over processes in parentheses).

## Target

${verdicts.join('\n')}

${lines.join('\n')}`;
console.log(report);
if (!args['no-write']) {
  writeFileSync(join(here, '../../results/synchronizer-prettier.md'), report);
  console.log('wrote bench/results/synchronizer-prettier.md');
}
