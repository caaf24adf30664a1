import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captured, tempProject } from '../support/temp-project.js';
import { waitFor } from '../support/wait-for.js';
import { typedProject } from '../support/typed-project.js';

const A = 'export async function a(): Promise<number> {\n  return 1;\n}\n';

async function run(argv: string[], cwd: string) {
  const stdout = captured();
  const stderr = captured();
  const status = await runCli(argv, { cwd, stdout, stderr });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

describe('runCli()', () => {
  it('generates from two directories without a config and prints a one-line summary', async () => {
    const project = tempProject({ 'src/_async/a.ts': A });
    const result = await run(['generate', 'src/_async', 'src/_sync'], project.root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^wrote src\/_sync\/a\.ts\nanysync: 1 written, 0 unchanged, 0 removed, 0 errors, 0 not written \(\d+ ms\)\n$/,
    );
  });

  it('exits 1 from check with a readable diff when a twin is stale', async () => {
    const project = tempProject({
      'src/_async/a.ts': A,
      'anysync.config.json': '{"rules":[{"from":"src/_async","to":"src/_sync"}]}',
    });
    await run(['generate'], project.root);
    expect((await run(['check'], project.root)).status).toBe(0);
    project.write('src/_async/a.ts', A.replace('1', '2'));
    const result = await run(['check'], project.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/_sync/a.ts is stale');
    expect(result.stderr).toContain('-  return 2;');
    expect(result.stdout).toMatch(/anysync check: 0 up to date, 1 problem \(1 stale/);
  });

  it('exits 1 and prints file:line:col diagnostics when a source has no sync meaning', async () => {
    const project = tempProject({
      'src/_async/a.ts': 'export async function a() {\n  return fetch("x");\n}\n',
    });
    const result = await run(['generate', 'src/_async', 'src/_sync'], project.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(project.root, 'src/_async/a.ts')}:2:10 error[no-sync-meaning]`,
    );
    expect(result.stderr).toContain('help: ');
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command `frobnicate`/],
    [['generate', '--colour'], /unknown option `--colour`/],
    [['generate', 'only-one'], /give both <from> and <to>/],
    [['generate', 'a', 'b', 'c'], /unexpected argument `c`/],
    [['check', '--watch'], /`--watch` only applies to `generate`/],
    [['generate', '--config'], /`--config` needs a file path/],
    [['check', '--verify', '--no-verify'], /give `--verify` or `--no-verify`, not both/],
  ])('exits 2 with the usage on %j', async (argv, message) => {
    const result = await run(argv, process.cwd());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage:');
  });

  it('exits 2 on a bad configuration', async () => {
    const project = tempProject({ 'anysync.config.json': '{"rules":[{"from":"nope","to":"out"}]}' });
    const result = await run(['generate'], project.root);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^anysync: anysync\.config\.json:1:19: rules\[0\]\.from: .*nope does not exist\n/,
    );
  });

  it('prints help and the version', async () => {
    expect((await run(['--help'], process.cwd())).stdout).toContain('anysync generate');
    expect((await run(['--version'], process.cwd())).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('regenerates in watch mode when a source changes', async () => {
    const project = tempProject({ 'src/_async/a.ts': A });
    const stdout = captured();
    const stderr = captured();
    let stop = () => {};
    const stopWatching = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runCli(['generate', '--watch', 'src/_async', 'src/_sync'], {
      cwd: project.root,
      stdout,
      stderr,
      stopWatching,
    });
    await waitFor(() => stdout.text().includes('watching for changes'));
    project.write('src/_async/a.ts', A.replace('1', '42'));
    await waitFor(() => project.read('src/_sync/a.ts').includes('return 42;'));
    stop();
    expect(await running).toBe(0);
  });
});

describe('runCli() verification', () => {
  const HOLDS = {
    'src/shared/api.ts': 'export interface Api {\n  get(key: string): Promise<string>;\n}\n',
    'src/_async/read.ts':
      "import type { Api } from '../shared/api.js';\n\nexport async function read(api: Api) {\n  return api.get('k');\n}\n",
    'anysync.config.json': '{"rules":[{"from":"src/_async","to":"src/_sync"}]}',
  };

  it('generate --verify reports a twin that holds a promise and does not write it', async () => {
    const project = typedProject(HOLDS);
    const result = await run(['generate', '--verify'], project.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(project.root, 'src/_async/read.ts')}:4:10 error[twin-holds-promise]: the twin holds \`Promise<string>\``,
    );
    expect(result.stderr).toContain("    4 |   return api.get('k');");
    expect(result.stderr).toContain('src/_sync/read.ts: not written: the twin does not pass verification');
    expect(existsSync(path.join(project.root, 'src/_sync/read.ts'))).toBe(false);
  });

  it('check verifies by default; --no-verify skips it', async () => {
    const project = typedProject(HOLDS);
    expect((await run(['generate'], project.root)).status).toBe(0);
    const verified = await run(['check'], project.root);
    expect(verified.status).toBe(1);
    expect(verified.stderr).toContain('error[twin-holds-promise]');
    expect(verified.stdout).toMatch(/anysync check: 1 up to date, 1 problem \(.*, 1 verification error\)/);
    const skipped = await run(['check', '--no-verify'], project.root);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toContain('twins not type-checked');
  });

  it('lists --verify and --no-verify in the usage', async () => {
    const { stdout } = await run(['--help'], process.cwd());
    expect(stdout).toContain('--verify');
    expect(stdout).toContain('--no-verify');
  });
});

describe('the anysync bin', () => {
  it('runs from the built package', () => {
    const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/anysync.js');
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage:');
  });
});
