import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitTwinDeclarations } from '../../src/build/twin-declarations.js';
import anysync from '../../src/rollup/index.js';
import { copyFixture, removeCopies, TWIN_PATHS } from './support/fixture-library.js';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/anysync.js');
/** Where the fixture's tsconfig (rootDir src, outDir dist/types) puts a twin's declarations. */
const declarationOf = (twin: string) => twin.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');

afterAll(() => removeCopies());

describe('emitTwinDeclarations', () => {
  let reference = '';
  beforeAll(() => {
    // What tsc emits when the twins are files on disk: `anysync generate`, then `tsc`.
    reference = copyFixture();
    execFileSync(process.execPath, [bin, 'generate', '--quiet'], { cwd: reference });
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: reference });
  }, 60_000);

  it('emits, byte for byte, what tsc emits for the twins on disk, with no twin on disk', async () => {
    const root = copyFixture();
    const declarations = await emitTwinDeclarations({ root });
    expect(declarations.map((d) => path.relative(root, d.file)).sort()).toEqual(
      TWIN_PATHS.map(declarationOf),
    );
    for (const twin of TWIN_PATHS) {
      const file = declarationOf(twin);
      expect(readFileSync(path.join(root, file), 'utf8')).toBe(
        readFileSync(path.join(reference, file), 'utf8'),
      );
    }
    expect(existsSync(path.join(root, 'src/sync'))).toBe(false);
  });

  it('feeds a declaration bundler (rollup-plugin-dts) whose sync.d.ts a consumer type-checks against', async () => {
    const root = copyFixture();
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root });
    await emitTwinDeclarations({ root, write: true });
    const bundle = await rollup({ input: path.join(root, 'dist/types/sync/index.d.ts'), plugins: [dts()] });
    await bundle.write({ file: path.join(root, 'dist/sync.d.ts'), format: 'es' });
    await bundle.close();
    const bundled = readFileSync(path.join(root, 'dist/sync.d.ts'), 'utf8');
    expect(bundled).toContain('declare class NoteStore');
    expect(bundled).toContain('readNote(name: string): string | undefined;');
    expect(bundled).toContain('declare function render(store: NoteStore, name: string): string;');
    expect(bundled).not.toMatch(/Promise|Async/);
    writeFileSync(
      path.join(root, 'consumer.ts'),
      [
        "import { NoteStore, render } from './dist/sync.js';",
        "const store = new NoteStore('notes').open();",
        "const text: string | undefined = store.readNote('a');",
        "const page: string = render(store, 'a');",
        '// @ts-expect-error: the sync entry returns values, not promises',
        "const later: Promise<string> = render(store, 'a');",
        'export { later, page, text };',
        '',
      ].join('\n'),
    );
    const checked = spawnSync(
      process.execPath,
      [
        tsc,
        '--ignoreConfig',
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        'consumer.ts',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  }, 90_000);

  it('is what the plugin option `dts` writes after a build', async () => {
    const root = copyFixture();
    const bundle = await rollup({
      input: { index: path.join(root, 'src/async/index.ts') },
      external: [/^node:/],
      plugins: [
        anysync({ root, dts: true, twinEntries: { name: () => 'sync' } }),
        esbuild({ target: 'es2022' }),
      ],
    });
    await bundle.write({ dir: path.join(root, 'dist'), format: 'es' });
    await bundle.close();
    for (const twin of TWIN_PATHS) {
      const file = declarationOf(twin);
      expect(readFileSync(path.join(root, file), 'utf8')).toBe(
        readFileSync(path.join(reference, file), 'utf8'),
      );
    }
  });

  it('throws the diagnostics of a source with errors, and writes nothing', async () => {
    const root = copyFixture();
    const file = path.join(root, 'src/async/formats/markdown.ts');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\nexport const late = async () => fetch('https://example.com');\n`,
    );
    await expect(emitTwinDeclarations({ root })).rejects.toThrow(
      /src\/async\/formats\/markdown\.ts:\d+:\d+ error\[no-sync-meaning\]/,
    );
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('checks its options', async () => {
    await expect(emitTwinDeclarations({ root: 1 as never })).rejects.toThrow(TypeError);
    await expect(emitTwinDeclarations({ write: 'yes' as never })).rejects.toThrow(
      /`write` must be a boolean/,
    );
    await expect(emitTwinDeclarations(null as never)).rejects.toThrow(/must be an object/);
  });
});
