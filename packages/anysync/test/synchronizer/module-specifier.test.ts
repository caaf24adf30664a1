import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Synchronizer } from '../../dist/synchronizer/index.js';
import {
  isTypeScript,
  loaderFor,
  moduleHref,
  nativeTypeScript,
} from '../../src/synchronizer/caller/module-specifier.js';
import { tempDir } from '../support/temp-dir.js';

const TYPED = new URL('./fixtures/typed.ts', import.meta.url);
const INDEX = new URL('../../dist/synchronizer/index.js', import.meta.url).href;

describe('moduleHref()', () => {
  it('takes URLs and absolute paths, refuses relative paths', () => {
    expect(moduleHref(new URL('file:///a/b.js'))).toBe('file:///a/b.js');
    expect(moduleHref('/a/b.js')).toBe('file:///a/b.js');
    expect(moduleHref('node:fs')).toBe('node:fs');
    expect(moduleHref('some-package/sub')).toBe('some-package/sub');
    expect(() => moduleHref('../x.js')).toThrow(/relative/);
    expect(() => moduleHref('')).toThrow(/empty string/);
  });

  it('takes import.meta, the CommonJS module object and URL-likes, and names what it refuses', () => {
    expect(moduleHref({ url: 'file:///a/meta.js' })).toBe('file:///a/meta.js');
    expect(moduleHref({ filename: '/a/module.cjs' })).toBe('file:///a/module.cjs');
    expect(moduleHref({ href: 'file:///a/like.js' })).toBe('file:///a/like.js');
    expect(() => moduleHref(null as never)).toThrow(
      'a module to load must be a URL, a path or a package name, got null',
    );
    expect(() => moduleHref(42 as never)).toThrow(/got 42$/);
    expect(() => moduleHref({} as never)).toThrow(/or the CommonJS module object, got an object$/);
  });

  it('recognises TypeScript modules', () => {
    expect(isTypeScript('file:///a/b.ts')).toBe(true);
    expect(isTypeScript('file:///a/b.mts?x=1')).toBe(true);
    expect(isTypeScript('file:///a/b.js')).toBe(false);
  });
});

describe('TypeScript worker modules', () => {
  it('loads a .ts module through a registered loader', { timeout: 20_000 }, async () => {
    const sync = new Synchronizer({ loader: 'tsx', loadTimeout: 15_000 });
    const typed = sync.load<typeof import('./fixtures/typed.ts')>(TYPED);
    expect(typed.distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    await sync.close();
  });

  it.runIf(nativeTypeScript() === 'none')(
    'explains what to do when nothing can run it',
    {
      timeout: 20_000,
    },
    () => {
      // In a process without preloads or hooks: this one (the test runner's) has some, which let it through.
      const dir = tempDir('anysync-');
      writeFileSync(
        join(dir, 'script.mjs'),
        `import { Synchronizer } from ${JSON.stringify(INDEX)};
       try { new Synchronizer().load(${JSON.stringify(TYPED.href)}); } catch (error) { console.log(error.name, error.message); }`,
      );
      const result = spawnSync(process.execPath, [join(dir, 'script.mjs')], {
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(result.stdout).toMatch(/^ModuleLoadError .*has no type stripping.*loader: "tsx"/);
    },
  );

  it('lets a TypeScript module through to the worker when a loader may read it', () => {
    // This process runs with the test runner's preloads: the worker inherits them, so nothing is refused.
    if (nativeTypeScript() === 'none') expect(loaderFor(TYPED.href, undefined)).toBeUndefined();
    expect(loaderFor(TYPED.href, 'ts-node')).toBe('ts-node');
  });

  it('uses tsx when the process itself runs with it', { timeout: 30_000 }, () => {
    const dir = tempDir('anysync-');
    writeFileSync(
      join(dir, 'script.mjs'),
      `import { Synchronizer } from ${JSON.stringify(INDEX)};
       const sync = new Synchronizer();
       console.log(sync.load(${JSON.stringify(TYPED.href)}).distance({ x: 1, y: 1 }, { x: 4, y: 5 }));`,
    );
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'script.mjs')], {
      encoding: 'utf8',
      timeout: 25_000,
      cwd: process.cwd(),
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('5');
  });
});
