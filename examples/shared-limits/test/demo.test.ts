import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../dist/demo.js', import.meta.url));

describe('examples/shared-limits', () => {
  it('runs two processes that share a limit and a lockout, or says why it skipped', () => {
    const output = execFileSync(process.execPath, [demo], { encoding: 'utf8', timeout: 60_000 });
    if (output.includes('skipped')) {
      expect(output).toMatch(/skipped \(redis-server is not installed/);
      return;
    }
    expect(output).toMatch(/10 calls from 2 processes; at most [1-4] in any second \(limit 4\)/);
    expect(output).toContain('both waited for the lockout: true');
  });
});
