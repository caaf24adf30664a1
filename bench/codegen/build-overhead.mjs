// Build-time overhead of the anysync bundler plugin: the same build of the same library with each
// bundler, the plugin on (twins generated in memory on every build) and off (the twins generated
// beforehand by `anysync generate`, on disk). Each round starts one process per bundler, size and mode,
// in alternating order; a process warms up with one build and times BUILDS more.
// Run: node --expose-gc bench/codegen/build-overhead.mjs   (writes bench/results/codegen-build.md)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../support/median.mjs';
import { waitForQuietLoad } from '../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../support/run-facts.mjs';
import { BUNDLERS } from './build/bundlers.mjs';
import { prepareLibrary, SIZES } from './build/libraries.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BUILDS = Number(process.env.BUILDS ?? 3);
const here = path.dirname(fileURLToPath(import.meta.url));
const loadBefore = await waitForQuietLoad(0.6, 60_000);

const measure = (bundler, mode, root) => {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', path.join(here, 'build', 'build-once.mjs'), bundler, mode, root, String(BUILDS)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return median(JSON.parse(output.trim().split('\n').pop()).times);
};

const rows = [];
for (const size of Object.keys(SIZES)) {
  const library = prepareLibrary(size);
  for (const bundler of Object.keys(BUNDLERS)) {
    const on = [];
    const off = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const mode of order) (mode === 'on' ? on : off).push(measure(bundler, mode, library[mode]));
    }
    // Both builds must give the same sync entry: the plugin serves what `anysync generate` wrote.
    // (Bundlers print module paths in comments: the two copies' directories are named alike.)
    const entry = (root) =>
      readFileSync(path.join(root, `dist-${bundler}`, 'sync.js'), 'utf8')
        .replaceAll(root, '<root>')
        .replaceAll(path.relative(process.cwd(), root), '<root>');
    const same = entry(library.on) === entry(library.off);
    const overheads = on.map((ms, round) => ms - (off[round] ?? Number.NaN));
    rows.push({
      size,
      twins: library.twins,
      bundler,
      off: median(off),
      on: median(on),
      overhead: median(overheads),
      same,
    });
    process.stderr.write(
      `${size} ${bundler}: off ${median(off).toFixed(0)} ms, on ${median(on).toFixed(0)} ms\n`,
    );
  }
}
const loadAfter = os.loadavg()[0];
// unplugin: the copy @anysync/codegen depends on (another major may be hoisted for other packages).
const unplugin = JSON.parse(
  readFileSync(path.join(here, '../../packages/codegen/node_modules/unplugin/package.json'), 'utf8'),
).version;
const versions = ['esbuild', 'rollup', 'rolldown', 'vite', 'webpack', '@rspack/core']
  .map((name) => `${name} ${packageVersion(name)}`)
  .concat(`unplugin ${unplugin}`)
  .join(', ');
const loaded =
  loadBefore > 1 || ROUNDS < 5
    ? `\n**Validation run, not for quoting**: ${ROUNDS} round(s) of ${BUILDS} build(s) on a machine under load (other jobs running); the final figures come from a quiet run with the defaults.\n`
    : '';
const table = rows
  .map(
    (r) =>
      `| ${r.size} (${r.twins} twins) | ${r.bundler} | ${r.off.toFixed(0)} | ${r.on.toFixed(0)} | ${r.overhead >= 0 ? '+' : ''}${r.overhead.toFixed(0)} | ${(r.on / r.off).toFixed(2)}x | ${r.same ? 'yes' : '**no**'} |`,
  )
  .join('\n');
const report = `# Build-time overhead of the anysync bundler plugin

Machine: ${machineLine()}. Node ${process.version}. Commit ${commitLabel()}.
Load average (1 min): ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end.
Bundlers: ${versions}.
${loaded}
| library | bundler | plugin off (ms) | plugin on (ms) | overhead (ms) | on / off | same sync entry |
| --- | --- | ---: | ---: | ---: | ---: | :---: |
${table}

Method: \`node --expose-gc bench/codegen/build-overhead.mjs\`. One build is the bundler's whole build of the
library (its async entry \`src/async/index.ts\` and its sync entry \`src/sync/index.ts\`, written to disk), as in
the codegen tests. "Plugin off": the twins were generated beforehand by \`anysync generate\` and are read from
disk; "plugin on": no twin on disk, the plugin loads the config and converts the whole project in memory on
every build. Each of ${ROUNDS} rounds starts one process per bundler, library and mode (order alternating), which
warms up with one build and times ${BUILDS} more; the table gives the median round, and the overhead is the median
of the per-round differences. "Same sync entry" compares the built \`sync.js\` of both modes byte for byte, the
library's directory in path comments aside.
The libraries are the codegen tests' fixture (two directory rules, a rename, a module mapping) and the same
with its async directory replicated 40 times.
`;
console.log(report);
const out = path.join(here, '..', 'results', 'codegen-build.md');
writeFileSync(out, report);
console.log(`written to ${path.relative(process.cwd(), out)}`);
