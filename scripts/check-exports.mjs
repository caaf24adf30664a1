// Checks the published shape of each package: publint (package.json and files) and
// are-the-types-wrong (types resolve for every export under node16/bundler resolution).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { publishableWorkspaces } from './publishable-workspaces.mjs';

const root = new URL('..', import.meta.url).pathname;
// Every publishable workspace, as npm finds them: a new package is checked without a list to update.
const packages = publishableWorkspaces(root).map((workspace) => workspace.location);
let failed = 0;
for (const pkg of packages) {
  const dir = join(root, pkg);
  console.log(`\n━━ ${pkg}`);
  const steps = [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'esm-only']],
  ];
  for (const [tool, args] of steps) {
    const result = spawnSync(join(root, 'node_modules/.bin', tool), args, { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`✗ ${tool} failed for ${pkg}`);
      failed += 1;
    }
  }
}
process.exit(failed === 0 ? 0 : 1);
