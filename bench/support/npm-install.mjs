// Third-party code a bench runs is installed from the npm registry when it runs, never committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** Installs `packages` (`name@version`) into a new temporary directory named after `label`; returns it. */
export function installFromNpm(label, packages) {
  const dir = mkdtempSync(join(os.tmpdir(), `anysync-${label}-`));
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
  return dir;
}
