import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captured, tempProject } from '../support/temp-project.js';
import { waitFor } from '../support/wait-for.js';

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

describe('the anysync bin', () => {
  it('runs from the built package', () => {
    const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/anysync.js');
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage:');
  });
});
