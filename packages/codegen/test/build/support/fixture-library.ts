import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '../../..');

/** The fixture library: async sources, two directory rules, a rename and a module mapping. */
export const FIXTURE = path.resolve(here, '../fixtures/library');

/** The twins its rules produce, relative to its root. */
export const TWIN_PATHS = ['src/formats-sync/markdown.ts', 'src/sync/index.ts', 'src/sync/note-store.ts'];

const copies: string[] = [];

/**
 * A fresh copy of the fixture library, in this package's `.cache` (ignored by git) so that packages
 * (`@types/node`) resolve from it as they would in a real project. Removed by {@link removeCopies}.
 */
export function copyFixture(): string {
  const parent = path.join(packageRoot, '.cache', 'anysync-build-tests');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(path.join(parent, 'library-'));
  cpSync(FIXTURE, root, { recursive: true });
  copies.push(root);
  return root;
}

/** Removes every copy made so far (call in `afterAll`). */
export function removeCopies(): void {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
}

let cliOutput: Map<string, string> | undefined;

/** What `anysync generate` (the built CLI) writes for the fixture: twin path → text. */
export function cliTwins(): Map<string, string> {
  if (cliOutput !== undefined) return cliOutput;
  const root = copyFixture();
  execFileSync(process.execPath, [path.join(packageRoot, 'bin', 'anysync.js'), 'generate', '--quiet'], {
    cwd: root,
  });
  cliOutput = new Map(TWIN_PATHS.map((twin) => [twin, readFileSync(path.join(root, twin), 'utf8')]));
  return cliOutput;
}
