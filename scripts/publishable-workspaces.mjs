// The workspaces that get published: every workspace npm knows whose package.json is not `private`.
// Asked of npm itself (`npm query .workspace`), so a package added to the root's `workspaces` is picked up
// by the pack script, the publish check and the consumer test without a list to keep in step.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * @param {string} root the monorepo's root
 * @returns {{ name: string, version: string, dir: string, location: string }[]} sorted by location
 */
export function publishableWorkspaces(root) {
  const output = execFileSync('npm', ['query', '.workspace', '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  /** @type {{ name: string, version: string, location: string, private?: boolean }[]} */
  const workspaces = JSON.parse(output);
  return workspaces
    .filter((workspace) => workspace.private !== true)
    .map(({ name, version, location }) => ({ name, version, location, dir: join(root, location) }))
    .sort((a, b) => a.location.localeCompare(b.location));
}
