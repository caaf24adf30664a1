// Runs every example end to end: regenerates its sync twin (when it has an anysync config), builds it,
// then runs its `demo` script, printing what each twin did and how long it took.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const examplesDir = join(root, 'examples');
const anysyncBin = join(root, 'packages/codegen/bin/anysync.js');
const tscBin = join(root, 'node_modules/typescript/bin/tsc');
const only = process.argv.slice(2);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...args].join(' ')} failed in ${cwd} (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

const examples = existsSync(examplesDir)
  ? readdirSync(examplesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(examplesDir, entry.name, 'package.json')))
      .map((entry) => entry.name)
      .filter((name) => only.length === 0 || only.includes(name))
      .sort()
  : [];

const started = performance.now();
for (const name of examples) {
  const dir = join(examplesDir, name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  console.log(`\n━━ examples/${name} ━━ ${pkg.description ?? ''}`);
  const hasConfig = ['anysync.config.json', 'anysync.config.js', 'anysync.config.ts'].some((f) =>
    existsSync(join(dir, f)),
  );
  if (hasConfig) run(process.execPath, [anysyncBin, 'generate', '--quiet'], dir);
  // Compiled after generating, so the demo runs the twins as they are now.
  if (existsSync(join(dir, 'tsconfig.json'))) run(process.execPath, [tscBin, '-b', dir], root);
  if (pkg.scripts?.build) run('npm', ['run', '--silent', 'build'], dir);
  if (pkg.scripts?.demo) run('npm', ['run', '--silent', 'demo'], dir);
}
console.log(`\n${examples.length} examples ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
