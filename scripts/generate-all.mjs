// Runs `anysync generate` (or `anysync check` with --check) in every package that has an anysync config.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'packages/codegen/bin/anysync.js');
const command = process.argv.includes('--check') ? 'check' : 'generate';
const configNames = [
  'anysync.config.json',
  'anysync.config.js',
  'anysync.config.mjs',
  'anysync.config.ts',
  'anysync.config.mts',
];
const dirs = ['examples', 'packages']
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  )
  .filter((dir) => configNames.some((name) => existsSync(join(dir, name))));

let failed = 0;
for (const dir of dirs) {
  console.log(`\n${command} ${dir.slice(root.length)}`);
  const result = spawnSync(process.execPath, [bin, command], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
if (dirs.length === 0) console.log('no anysync configs found');
process.exit(failed === 0 ? 0 : 1);
