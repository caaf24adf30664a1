// What every results file records about the run: the machine, the commit, the peers' versions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** "2 cores, AMD EPYC, 24 GiB, linux 6.1": the machine, in one line. */
export function machineLine() {
  const cpus = os.cpus();
  return `${cpus.length} cores, ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`;
}

/**
 * The short commit hash, marked when the code a benchmark measures (the packages and the benchmarks,
 * results apart) differs from it, so a table never claims a commit it was not run on.
 */
export function commitLabel() {
  try {
    const git = (...argv) => execFileSync('git', argv, { cwd: root, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'packages', 'bench', ':!bench/results');
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** The installed version of package `name`, read from its manifest ('n/a' when it is not installed). */
export function packageVersion(name) {
  // From disk: several peers' export maps do not expose package.json.
  for (const base of [join(root, 'bench'), root]) {
    try {
      return JSON.parse(readFileSync(join(base, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {}
  }
  return 'n/a';
}
