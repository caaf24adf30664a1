import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A library author's first hour, from the packed tarballs alone: each fixture is a fresh project in a
 * temporary directory (no workspace links, nothing of this repository on its resolution path) that
 * installs every publishable package from its tarball, generates its sync twin, checks it, type-checks
 * and runs one test body against both twins.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/consumer/fixtures');
const STEP = { timeout: 180_000 };

interface Packed {
  readonly name: string;
  readonly location: string;
  readonly version: string;
  readonly tarball: string;
}

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// npm's own variables (set by `npm test`) would point the projects' npm at this repository.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command: string, args: readonly string[], cwd: string): Ran {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: STEP.timeout,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

function ok(ran: Ran): Ran {
  expect(ran.status, `${ran.stdout}\n${ran.stderr}`).toBe(0);
  return ran;
}

const versionIn = (pkg: string) =>
  (
    JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

const work = mkdtempSync(path.join(tmpdir(), 'anysync-consumer-'));
let packed: readonly Packed[] = [];

beforeAll(() => {
  const ran = ok(
    run(process.execPath, ['scripts/pack.mjs', '--json', '--out', path.join(work, 'packs')], root),
  );
  packed = JSON.parse(ran.stdout) as Packed[];
}, STEP.timeout);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the pack script', () => {
  it('packs every publishable workspace, anysync and @anysync/codegen among them', () => {
    expect(packed.map((p) => p.name)).toEqual(expect.arrayContaining(['anysync', '@anysync/codegen']));
    for (const p of packed) {
      const manifest = JSON.parse(readFileSync(path.join(root, p.location, 'package.json'), 'utf8')) as {
        private?: boolean;
      };
      expect(manifest.private, p.location).not.toBe(true);
      expect(lstatSync(p.tarball).size).toBeGreaterThan(0);
    }
  });
});

/** package.json of a fixture with every tarball installed: the codegen as a devDependency, the rest as dependencies. */
function withTarballs(manifest: Record<string, unknown>, anysyncField: 'dependencies' | 'devDependencies') {
  const dependencies: Record<string, string> = {};
  const devDependencies: Record<string, string> = {
    typescript: versionIn('typescript'),
    '@types/node': versionIn('@types/node'),
  };
  for (const p of packed) {
    const field =
      p.name === '@anysync/codegen' || (p.name === 'anysync' && anysyncField === 'devDependencies');
    (field ? devDependencies : dependencies)[p.name] = `file:${p.tarball}`;
  }
  return { ...manifest, dependencies, devDependencies };
}

describe.each(readdirSync(fixtures).sort())('a fresh %s project', (fixture) => {
  const dir = path.join(work, fixture);
  const manifestFile = path.join(dir, 'package.json');
  const bin = (name: string) => path.join(dir, 'node_modules/.bin', name);
  let manifest: Record<string, unknown> = {};

  it('installs from the tarballs alone', STEP, () => {
    cpSync(path.join(fixtures, fixture), dir, { recursive: true });
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify(withTarballs(manifest, 'dependencies'), null, 2));
    ok(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir));
    for (const p of packed) {
      const installed = path.join(dir, 'node_modules', p.name);
      expect(lstatSync(installed).isSymbolicLink(), `${p.name} is a link`).toBe(false);
      const resolved = ok(run(process.execPath, ['-p', `require.resolve('${p.name}/package.json')`], dir));
      expect(resolved.stdout.trim()).toBe(path.join(installed, 'package.json'));
    }
  });

  it('warns at generate time while anysync is only a devDependency', STEP, () => {
    writeFileSync(manifestFile, JSON.stringify(withTarballs(manifest, 'devDependencies'), null, 2));
    try {
      const ran = ok(run(bin('anysync'), ['generate'], dir));
      expect(ran.stderr).toMatch(/warning\[missing-dependency\]: the twin imports `anysync\/runtime`/);
    } finally {
      writeFileSync(manifestFile, JSON.stringify(withTarballs(manifest, 'dependencies'), null, 2));
    }
  });

  it('generates the sync twin without a warning once anysync is a dependency', STEP, () => {
    const ran = ok(run(bin('anysync'), ['generate'], dir));
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toMatch(/anysync: \d+ written, \d+ unchanged, 0 removed, 0 errors, 0 not written/);
    expect(readdirSync(path.join(dir, 'src/sync')).length).toBeGreaterThan(0);
  });

  it('passes anysync check', STEP, () => {
    const ran = ok(run(bin('anysync'), ['check'], dir));
    expect(ran.stdout).toMatch(/anysync check: [1-9]\d* up to date, 0 problems/);
  });

  it('type-checks with tsc, twins and tests included', STEP, () => {
    ok(run(bin('tsc'), ['-p', '.'], dir));
  });

  it('passes the tests of both twins', STEP, () => {
    const ran = ok(run('npm', ['test', '--silent'], dir));
    expect(ran.stdout).toMatch(/^# fail 0$/m);
    expect(Number(/^# pass (\d+)$/m.exec(ran.stdout)?.[1])).toBeGreaterThan(0);
    expect(ran.stdout).toContain('async twin');
    expect(ran.stdout).toContain('sync twin');
  });

  it('loads every export of every package', STEP, () => {
    const isModule = manifest.type === 'module';
    const specifiers = packed.flatMap((p) => {
      const installed = JSON.parse(
        readFileSync(path.join(dir, 'node_modules', p.name, 'package.json'), 'utf8'),
      ) as { exports: Record<string, unknown> };
      return Object.keys(installed.exports)
        .filter((subpath) => subpath !== './package.json')
        .map((subpath) => (subpath === '.' ? p.name : `${p.name}/${subpath.slice(2)}`));
    });
    // CommonJS reaches the ESM-only packages through require(esm); a JSON export (a config schema) needs
    // its import attribute. The register hooks load the project's config before the first import they
    // serve, with a top-level await, so they are preloaded with --import (as documented), never required.
    const importOnly = JSON.stringify(['@anysync/codegen/register']);
    const load = isModule
      ? "await import(s, s.endsWith('.json') ? { with: { type: 'json' } } : {})"
      : `(${importOnly}.includes(s) ? await import(s) : require(s))`;
    const script = `(async () => { for (const s of ${JSON.stringify(
      specifiers,
    )}) console.log(s, Object.keys(${load}).length); })().catch((error) => { console.error(error); process.exitCode = 1; });`;
    const ran = ok(
      run(process.execPath, [isModule ? '--input-type=module' : '--input-type=commonjs', '-e', script], dir),
    );
    const lines = ran.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(' ')[0])).toEqual(specifiers);
    for (const line of lines) expect(Number(line.split(' ')[1]), line).toBeGreaterThan(0);
  });
});
