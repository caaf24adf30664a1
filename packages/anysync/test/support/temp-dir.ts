import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';

/**
 * A fresh directory in the system's temporary directory (`prefix` then random characters), which vitest
 * removes, with everything in it, even when a test fails: otherwise every run of the tests would leave
 * its directories in /tmp.
 *
 * When it is removed depends on where it is made, so that it lives exactly as long as what uses it:
 * - inside a test, when that test has finished (`onTestFinished`, after the test's `afterEach` hooks);
 * - at the top of a file or of a `describe`, when the tests of that file or `describe` have finished
 *   (`afterAll`). After-hooks run in the reverse order of their registration, so make the directory
 *   before registering the hook that closes a worker or process using it (`afterAll(() => sync.close())`):
 *   the directory then outlives it.
 *
 * Not for `beforeAll` and `afterAll` hooks: they run outside any test, too late to register an `afterAll`.
 * Make the directory at the top of the file instead.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (TestRunner.getCurrentTest() === undefined) afterAll(remove);
  else onTestFinished(remove);
  return dir;
}
