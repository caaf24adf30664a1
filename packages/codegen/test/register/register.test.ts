import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, removeCopies } from '../build/support/fixture-library.js';

// These run the built package (`npm test` builds first) in child processes, as a user would:
// `node --import tsx --import @anysync/codegen/register …` from a copy of the fixture library.
afterAll(() => removeCopies());

const SCRIPT = `
import { checkNotes } from './behaviour.mjs';
const notes = await import('./src/sync/index.js' + (process.env.QUERY ?? ''));
const heading = notes.render({ readNote: () => 'text' }, 'x').slice(0, -'x\\n\\ntext\\n'.length);
console.log(JSON.stringify({ checks: await checkNotes(notes, 'sync'), heading }));
`;

function run(root: string, script: string, env: Record<string, string> = {}) {
  writeFileSync(path.join(root, 'run.mts'), script);
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', '@anysync/codegen/register', 'run.mts'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    },
  );
}

function editHeading(root: string, heading: string): void {
  const file = path.join(root, 'src/async/formats/markdown.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/HEADING = '[^']*'/, `HEADING = '${heading}'`));
}

// Each test starts Node processes (tsx and TypeScript load in each): generous limits for a loaded machine.
describe('node --import @anysync/codegen/register', { timeout: 90_000 }, () => {
  it('runs the twin imported by its path, with no twin on disk, from the sources as they are at each run', () => {
    const root = copyFixture();
    const result = run(root, SCRIPT);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ checks: 12, heading: '# ' });
    expect(existsSync(path.join(root, 'src/sync'))).toBe(false);
    expect(existsSync(path.join(root, 'src/formats-sync'))).toBe(false);
    editHeading(root, '## ');
    expect(JSON.parse(run(root, SCRIPT).stdout)).toEqual({ checks: 12, heading: '## ' });
  });

  it('serves the edited source to a new import in the same process', () => {
    const root = copyFixture();
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      // The edited twin itself gets a new URL; its importers would keep their cached imports.
      const first = await import('./src/formats-sync/markdown.js?v=1');
      const file = 'src/async/formats/markdown.ts';
      writeFileSync(file, readFileSync(file, 'utf8').replace("HEADING = '# '", "HEADING = '### '"));
      const second = await import('./src/formats-sync/markdown.js?v=2');
      const page = (notes) => notes.render({ readNote: () => 't' }, 'x');
      console.log(JSON.stringify([page(first), page(second)]));
    `;
    const result = run(root, script);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['# x\n\nt\n', '### x\n\nt\n']);
  });

  it('fails the import with the diagnostic at file:line:col', () => {
    const root = copyFixture();
    const file = path.join(root, 'src/async/note-store.ts');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      `${text}\nexport async function first(a: Promise<number>, b: Promise<number>) {\n  return await Promise.race([a, b]);\n}\n`,
    );
    const result = run(root, SCRIPT);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `src/async/note-store.ts:${text.split('\n').length + 2}:16 error[no-sync-meaning]`,
    );
    expect(result.stdout).toBe('');
  });
});

describe('require() of a twin path (CommonJS)', { timeout: 90_000 }, () => {
  const hasRegisterHooks = typeof (module as { registerHooks?: unknown }).registerHooks === 'function';

  function commonJsProject(): string {
    const root = copyFixture();
    mkdirSync(path.join(root, 'cjs/src/async'), { recursive: true });
    writeFileSync(path.join(root, 'cjs/package.json'), '{ "type": "commonjs" }\n');
    writeFileSync(
      path.join(root, 'cjs/anysync.config.json'),
      '{ "rules": [{ "from": "src/async", "to": "src/sync" }] }\n',
    );
    writeFileSync(path.join(root, 'cjs/name.txt'), 'world\n');
    writeFileSync(
      path.join(root, 'cjs/src/async/greet.cjs'),
      [
        "const { readFile } = require('node:fs/promises');",
        '',
        'async function readGreetingAsync(file) {',
        "  return 'hello ' + (await readFile(file, 'utf8')).trim();",
        '}',
        '',
        'module.exports = { readGreetingAsync };',
        '',
      ].join('\n'),
    );
    // The program registers the hooks itself, then requires (see the guide for `--import` and CommonJS).
    writeFileSync(
      path.join(root, 'cjs/main.cjs'),
      [
        "import('@anysync/codegen/register').then(() => {",
        "  const { readGreeting } = require('./src/sync/greet.cjs');",
        "  console.log(readGreeting(__dirname + '/name.txt'));",
        '});',
        '',
      ].join('\n'),
    );
    return path.join(root, 'cjs');
  }

  it(
    hasRegisterHooks
      ? 'runs the twin through module.registerHooks'
      : 'is not covered before Node 22.15 (module.register hooks see import only)',
    () => {
      const root = commonJsProject();
      const result = spawnSync(process.execPath, ['main.cjs'], { cwd: root, encoding: 'utf8' });
      if (hasRegisterHooks) {
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('hello world\n');
      } else {
        expect(result.stderr).toContain("Cannot find module './src/sync/greet.cjs'");
      }
    },
  );
});

describe('vitest with the twins of the fixture library', () => {
  const vitest = path.join(
    path.dirname(module.createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const runVitest = (root: string, config: string, heading: string) =>
    spawnSync(process.execPath, [vitest, 'run', '--config', config], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, EXPECTED_HEADING: heading, CI: 'true', NO_COLOR: '1' },
    });

  it('passes with the register hook (Node runs the tests), and sees an edit at the next run (the test expects the new heading)', () => {
    const root = copyFixture();
    const first = runVitest(root, 'vitest.register.config.ts', '# ');
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('2 passed');
    expect(existsSync(path.join(root, 'src/sync'))).toBe(false);
    editHeading(root, '## ');
    const fresh = runVitest(root, 'vitest.register.config.ts', '## ');
    expect(fresh.status, fresh.stdout + fresh.stderr).toBe(0);
  }, 120_000);

  it('passes with the Vite plugin (Vite runs the tests)', () => {
    const root = copyFixture();
    const result = runVitest(root, 'vitest.plugin.config.ts', '# ');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('2 passed');
    expect(existsSync(path.join(root, 'src/sync'))).toBe(false);
  }, 60_000);
});
