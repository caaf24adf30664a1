// Runs every benchmark (`bench/<area>/run.mjs`) one after another, each in its own Node process with
// `--expose-gc`, so that no benchmark warms up or slows down another. `npm run bench -- codegen` runs one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const areas = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(here, entry.name, 'run.mjs')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
let failed = 0;
for (const area of areas) {
  console.log(`\n━━ bench/${area}`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(here, area, 'run.mjs')], {
    cwd: path.join(here, area),
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
