// The verification benchmark's project: the sources of the `effect` package (a devDependency of bench/)
// as the async half of a project, with a strict tsconfig.json and the repository's node_modules, in a
// temporary directory. Its twins are generated once (without verification) so that `anysync check`
// compares real files, as it does in CI.
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadConfig } from '@anysync/codegen';

const repository = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The compiler options of the corpus project: what a strict library project uses. */
export const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: 'esnext',
  module: 'nodenext',
  moduleResolution: 'nodenext',
  allowImportingTsExtensions: true,
  lib: ['esnext', 'dom'],
  types: ['node'],
};

/** Creates the project and generates its twins; returns its directory and what it holds. */
export async function createVerifyCorpus() {
  const require = createRequire(import.meta.url);
  const effect = path.dirname(require.resolve('effect/package.json'));
  const version = JSON.parse(readFileSync(path.join(effect, 'package.json'), 'utf8')).version;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'anysync-verify-bench-'));
  cpSync(path.join(effect, 'src'), path.join(dir, 'src', '_async'), { recursive: true });
  symlinkSync(path.join(repository, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    path.join(dir, 'anysync.config.json'),
    '{ "rules": [{ "from": "src/_async", "to": "src/_sync" }] }\n',
  );
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['src/_async'] }, null, 2)}\n`,
  );
  const report = await generate(await loadConfig(dir));
  const files = countFiles(path.join(dir, 'src', '_async'));
  return {
    dir,
    label: `effect@${version} src (${files} .ts files)`,
    files,
    twins: report.written,
    refused: report.files.filter((file) => file.status === 'error').length,
  };
}

function countFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) =>
      sum +
      (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? 1 : 0),
    0,
  );
}
