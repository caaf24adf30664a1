// bench/synchronizer/eslint-prettier: a real tool migrated. eslint-plugin-prettier, a synckit user, as
// published and as a copy whose two synckit imports name anysync/synckit instead (see migrate.mjs), each
// linting the JavaScript files of a package installed from npm at run time (rxjs 7.8.1's ES module builds,
// about 500 files) with only its rule on. Nothing of either is committed. Every result of every pass must
// equal the published tool's, fixes included; then the time of a whole lint pass is compared, quiet and
// under load, both tools alive in each measuring process.
//
//   node bench/synchronizer/eslint-prettier/run.mjs [--processes 5] [--rounds 4]
//                                                   [--conditions quiet,loaded] [--quiet-load 1.5] [--no-write]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBusyProcesses } from '../../support/background-load.mjs';
import { median } from '../../support/median.mjs';
import { pairedRatio, slotRange } from '../../support/paired-ratio.mjs';
import { waitForQuietLoad } from '../../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../../support/run-facts.mjs';
import { migrate } from './migrate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '4' },
    conditions: { type: 'string', default: 'quiet,loaded' },
    'quiet-load': { type: 'string', default: '1.5' },
    'no-write': { type: 'boolean', default: false },
  },
});
const TOOL = 'eslint-plugin-prettier@5.5.5';
const ESLINT = 'eslint@9.39.5';
const FILES_FROM = 'rxjs@7.8.1';
const busyCount = os.availableParallelism();

/** The tool, ESLint, prettier (the bench's version) and the files, installed with npm into a temporary directory. */
function install() {
  const dir = mkdtempSync(join(os.tmpdir(), 'anysync-eslint-prettier-'));
  const packages = [TOOL, ESLINT, `prettier@${packageVersion('prettier')}`, FILES_FROM];
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      ...packages,
    ],
    { stdio: 'ignore' },
  );
  // Copied out of node_modules, which ESLint ignores.
  const files = join(dir, 'files');
  for (const build of ['esm', 'esm5'])
    cpSync(join(dir, 'node_modules', 'rxjs', 'dist', build), join(files, build), { recursive: true });
  return { dir, files: walk(files).sort() };
}

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const { dir, files } = install();
migrate(join(dir, 'node_modules'));
const version = (name) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
const versions = { eslint: version('eslint'), prettier: version('prettier'), synckit: version('synckit') };
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
const list = join(dir, 'files.json');
writeFileSync(list, JSON.stringify(files));
if (files.length < 300) throw new Error(`only ${files.length} files: the run needs at least 300`);

const conditions = args.conditions.split(',');
const results = {};
const loads = {};
for (const condition of conditions) {
  results[condition] = [];
  loads[condition] = [];
  for (let p = 0; p < Number(args.processes); p++) {
    loads[condition].push(await waitForQuietLoad(Number(args['quiet-load'])));
    const stop = condition === 'loaded' ? startBusyProcesses(busyCount) : undefined;
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', join(here, 'measure.mjs'), dir, list, args.rounds],
      { encoding: 'utf8', maxBuffer: 16 << 20, timeout: 30 * 60_000 },
    );
    await stop?.();
    if (child.status !== 0) throw new Error(`measuring process failed:\n${child.stderr}`);
    results[condition].push(JSON.parse(child.stdout));
  }
}
rmSync(dir, { recursive: true, force: true });

const first = results[conditions[0]][0];
const tools = Object.keys(first.samples);
const migrated = tools[1];
const ms = (value) => `${value.toFixed(0)} ms`;
const sections = conditions.map((condition) => {
  const runs = results[condition];
  const perProcess = (name) => runs.map((run) => run.samples[name]);
  const rows = tools.map((name) => {
    const all = perProcess(name).flat();
    const vs =
      name === migrated
        ? '1.00×'
        : `${pairedRatio(perProcess(migrated), perProcess(name)).toFixed(2)}× (${slotRange(perProcess(migrated), perProcess(name))})`;
    return `| ${name} | ${ms(median(all))} | ${((median(all) * 1000) / files.length).toFixed(0)} µs | ${ms(Math.min(...all))} – ${ms(Math.max(...all))} | ${vs} | ${ms(median(runs.map((run) => run.warmup[name])))} |`;
  });
  const title = condition === 'loaded' ? `loaded (${busyCount} busy processes)` : 'quiet';
  return (
    `## Linting every file once, ${title}\n\n` +
    "| tool | per pass (median) | per file | spread (min – max) | migrated tool's time ÷ this (per-process slots) | warm-up pass |\n|---|---:|---:|---:|---:|---:|\n" +
    `${rows.join('\n')}\n`
  );
});

const report = `# bench/synchronizer/eslint-prettier results

Generated by \`node bench/synchronizer/eslint-prettier/run.mjs\` (after \`npm run build\`). Do not edit by hand.

- Machine: ${machineLine()}
- Runtime: Node ${process.version} (V8 ${process.versions.v8})
- Load: ${conditions.map((condition) => `${condition}: 1-minute load average ${loads[condition].map((load) => load.toFixed(2)).join(', ')} before each measuring process${condition === 'loaded' ? ` (plus ${busyCount} busy processes started by the runner)` : ''}`).join('; ')}
- Commit: ${commitLabel()}; run at ${new Date().toISOString()}
- Tool: ${TOOL} on synckit ${versions.synckit} as published, and a copy of it whose \`require('synckit')\` and \`import … from 'synckit'\` name \`anysync/synckit\` (the only change), with ESLint ${versions.eslint} and prettier ${versions.prettier}, all installed from npm at run time.
- Workload: ESLint's \`lintFiles\` with only \`prettier/prettier\` on, over the ${files.length} files (${(bytes / 1024).toFixed(0)} KiB) of ${FILES_FROM}'s \`dist/esm\` and \`dist/esm5\`: one blocking call a file, the file's text and its options to the worker, prettier's output back. The files are not written in prettier's style, so the rule reports ${first.messages} differences, each with its fix.
- Method: ${args.processes} measuring processes (\`node --expose-gc\`) per condition, both tools alive side by side in each: a warm-up pass each, then ${args.rounds} timed passes each, the order rotated every round, a GC before each pass. Every pass's results (every message with its fix) must equal the published tool's first pass, or the run fails. "÷ this" is the median over processes of the ratio of the two tools' medians in that process (its spread over processes in parentheses).

${sections.join('\n')}`;
console.log(report);
if (!args['no-write']) {
  writeFileSync(join(here, '../../results/synchronizer-eslint-prettier.md'), report);
  console.log('wrote bench/results/synchronizer-eslint-prettier.md');
}
