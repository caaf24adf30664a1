import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { check } from '../../src/generate/check.js';
import { generate } from '../../src/generate/generate.js';
import { captured, tempProject } from '../support/temp-project.js';
import { waitFor } from '../support/wait-for.js';

const READ = `import { readFile } from 'node:fs/promises';
import { trim } from './trim.mjs';

export async function readTrimmedAsync(file) {
  return trim(await readFile(file, 'utf8'));
}
`;
const COUNT = `import { readTrimmedAsync } from './read.mjs';

export async function countLinesAsync(file) {
  return (await readTrimmedAsync(file)).split('\\n').length;
}
`;
const TRIM = 'export const trim = (text) => text.trim();\n';
const rules = [
  { from: 'lib/read.mjs', to: 'lib/read-sync.mjs' },
  { from: 'lib/count.mjs', to: 'lib/count-sync.mjs' },
];

function project() {
  return tempProject({
    'lib/read.mjs': READ,
    'lib/count.mjs': COUNT,
    'lib/trim.mjs': TRIM,
    'data.txt': 'a\nb\nc\n\n',
  });
}

describe('file rules: twins beside their sources', () => {
  it('writes twins that import each other and the unconverted files beside them, and that run', async () => {
    const { root, read } = project();
    expect(await generate({ rules }, { root })).toMatchObject({ written: 2, failed: 0 });
    expect(read('lib/count-sync.mjs')).toContain("import { readTrimmed } from './read-sync.mjs';");
    expect(read('lib/read-sync.mjs')).toContain("import { trim } from './trim.mjs';");
    const sync = (await import(pathToFileURL(path.join(root, 'lib/count-sync.mjs')).href)) as {
      countLines(file: string): number;
    };
    const async = (await import(pathToFileURL(path.join(root, 'lib/count.mjs')).href)) as {
      countLinesAsync(file: string): Promise<number>;
    };
    expect(sync.countLines(path.join(root, 'data.txt'))).toBe(
      await async.countLinesAsync(path.join(root, 'data.txt')),
    );
    expect(sync.countLines(path.join(root, 'data.txt'))).toBe(3);
  });

  it('is checked like directory twins: stale, missing, hand-edited and orphaned', async () => {
    const { root, read, write, remove } = project();
    await generate({ rules }, { root });
    expect((await check({ rules }, { root })).ok).toBe(true);

    write('lib/read.mjs', READ.replace("'utf8')", "'latin1')"));
    remove('lib/count-sync.mjs');
    const statuses = async (config = { rules }) =>
      Object.fromEntries(
        (await check(config, { root })).files.map((file) => [path.relative(root, file.target), file.status]),
      );
    expect(await statuses()).toEqual({ 'lib/read-sync.mjs': 'stale', 'lib/count-sync.mjs': 'missing' });

    await generate({ rules }, { root });
    write('lib/read-sync.mjs', `${read('lib/read-sync.mjs')}// my fix\n`);
    expect(await statuses()).toEqual({
      'lib/read-sync.mjs': 'hand-edited',
      'lib/count-sync.mjs': 'up-to-date',
    });

    await generate({ rules }, { root, force: true });
    const moved = [rules[0] as (typeof rules)[0], { from: 'lib/count.mjs', to: 'lib/count.sync.mjs' }];
    expect(await statuses({ rules: moved })).toEqual({
      'lib/read-sync.mjs': 'up-to-date',
      'lib/count.sync.mjs': 'missing',
      'lib/count-sync.mjs': 'orphaned',
    });
    expect(await generate({ rules: moved }, { root })).toMatchObject({ written: 1, removed: 1 });
    expect(existsSync(path.join(root, 'lib/count-sync.mjs'))).toBe(false);
    expect(existsSync(path.join(root, 'lib/trim.mjs'))).toBe(true);
  });

  it('pairs one file from the command line', async () => {
    const { root, read } = project();
    const stdout = captured();
    const status = await runCli(['generate', 'lib/read.mjs', 'lib/read-sync.mjs'], {
      cwd: root,
      stdout,
      stderr: captured(),
    });
    expect(status).toBe(0);
    expect(stdout.text()).toMatch(/^wrote lib\/read-sync\.mjs\n/);
    expect(read('lib/read-sync.mjs')).toContain('export function readTrimmed(file) {');
  });

  it('never writes over a source or a file it did not generate', async () => {
    const { root, read } = project();
    const run = async (...argv: string[]) => {
      const stderr = captured();
      const status = await runCli(argv, { cwd: root, stdout: captured(), stderr });
      return { status, stderr: stderr.text() };
    };
    expect(await run('generate', 'lib/read.mjs', 'lib/read.mjs')).toEqual({
      status: 2,
      stderr: 'anysync: command line: rules[0].to: is the source itself: the twin would overwrite it\n',
    });
    expect(await run('generate', 'lib/read.mjs', 'lib/trim.mjs')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('lib/trim.mjs: not written: exists and has no anysync banner'),
    });
    expect(read('lib/read.mjs')).toBe(READ);
    expect(read('lib/trim.mjs')).toBe(TRIM);
  });

  it('regenerates in watch mode when the paired file changes', async () => {
    const { root, read, write } = project();
    const stdout = captured();
    let stop = () => {};
    const stopWatching = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const config = JSON.stringify({ rules });
    write('anysync.config.json', config);
    const running = runCli(['generate', '--watch'], { cwd: root, stdout, stderr: captured(), stopWatching });
    await waitFor(() => stdout.text().includes('watching for changes'));
    write('lib/read.mjs', READ.replace("'utf8'", "'latin1'"));
    await waitFor(() => read('lib/read-sync.mjs').includes("'latin1'"));
    stop();
    expect(await running).toBe(0);
  });
});
