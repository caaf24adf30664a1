import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../dist/demo.js', import.meta.url));

describe('examples/shared-limits', () => {
  it('runs two processes that share a limit and a lockout, or says why it skipped', () => {
    const run = spawnSync(process.execPath, [demo], { encoding: 'utf8', timeout: 60_000 });
    // The whole transcript in the message, so that a failure says which check the demo failed.
    const transcript = `exit ${run.status} (${run.signal ?? 'no signal'})\n${run.stdout}\n${run.stderr}`;
    expect(run.status, transcript).toBe(0);
    if (run.stdout.includes('skipped')) {
      expect(run.stdout).toMatch(/skipped \(redis-server is not installed/);
      return;
    }
    expect(run.stdout, transcript).toMatch(
      /10 calls from 2 processes; at most [1-4] in any second \(limit 4\)/,
    );
    expect(run.stdout, transcript).toContain('both waited for the lockout: true');
  });
});
