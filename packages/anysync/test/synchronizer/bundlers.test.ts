import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const TOOL = fileURLToPath(new URL('./fixtures/bundled-tool/', import.meta.url));
const ENTRIES = { main: 'main.mjs', worker: 'worker.mjs', 'synckit-worker': 'synckit-worker.mjs' };
const EXPECTED = {
  sum: 5,
  items: [1, 2, 3],
  shout: 'BUNDLED!',
  count: 2,
  double: 42,
  failed: { name: 'TypeError', message: 'bad input', brief: true },
  bare: true,
};

let project: string;

/**
 * A project that installs anysync the way a user's does (a copy of its package in node_modules), with
 * the tool's sources in src/.
 */
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'anysync-bundled-'));
  const installed = join(project, 'node_modules', 'anysync');
  mkdirSync(installed, { recursive: true });
  cpSync(join(PACKAGE, 'package.json'), join(installed, 'package.json'));
  cpSync(join(PACKAGE, 'dist'), join(installed, 'dist'), { recursive: true });
  cpSync(TOOL, join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }');
  // The bundlers resolve their own helpers from the repository.
  symlinkSync(resolve(PACKAGE, '../../node_modules/webpack'), join(project, 'node_modules', 'webpack'));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/**
 * Runs the built tool from a directory of its own, far from any node_modules: what a user gets after
 * shipping the bundle. anysync's worker files are not there, so its workers start from the source the
 * bundle carries.
 */
function runBuilt(out: string) {
  const shipped = mkdtempSync(join(tmpdir(), 'anysync-shipped-'));
  for (const file of readdirSync(out)) cpSync(join(out, file), join(shipped, file), { recursive: true });
  // Gone while it runs: a bundle that still reached into the project's node_modules (webpack bakes the
  // build-time path of each module into import.meta.url) would fail instead of passing by accident.
  const modules = join(project, 'node_modules');
  renameSync(modules, `${modules}.away`);
  try {
    return spawnSync(process.execPath, [join(shipped, 'main.mjs')], { encoding: 'utf8', timeout: 30_000 });
  } finally {
    renameSync(`${modules}.away`, modules);
    rmSync(shipped, { recursive: true, force: true });
  }
}

function expectWorks(out: string) {
  const result = runBuilt(out);
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual(EXPECTED);
  expect(result.status).toBe(0);
}

const input = () =>
  Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(project, 'src', file)]));

describe('a tool using the Synchronizer keeps working after bundling', () => {
  it('with esbuild', { timeout: 60_000 }, async () => {
    const out = join(project, 'out-esbuild');
    await esbuild({
      entryPoints: input(),
      bundle: true,
      format: 'esm',
      platform: 'node',
      outdir: out,
      outExtension: { '.js': '.mjs' },
      logLevel: 'error',
      absWorkingDir: project,
    });
    expectWorks(out);
  });

  it('with Rolldown (Rollup API)', { timeout: 60_000 }, async () => {
    const out = join(project, 'out-rolldown');
    const bundle = await rolldown({ input: input(), platform: 'node', cwd: project, logLevel: 'silent' });
    await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].mjs' });
    await bundle.close();
    expectWorks(out);
  });

  it('with webpack', { timeout: 120_000 }, async () => {
    const out = join(project, 'out-webpack');
    const stats = await new Promise<webpack.Stats>((done, fail) =>
      webpack(
        {
          mode: 'production',
          target: 'node20',
          context: project,
          entry: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, `./src/${file}`])),
          experiments: { outputModule: true },
          output: {
            path: out,
            filename: '[name].mjs',
            module: true,
            chunkFormat: 'module',
            library: { type: 'module' },
          },
          infrastructureLogging: { level: 'error' },
        },
        (error, result) => (error || !result ? fail(error) : done(result)),
      ),
    );
    expect(stats.hasErrors()).toBe(false);
    expectWorks(out);
  });
});
