import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveImport } from '../../src/synchronizer/worker/resolve-import.js';
import { tempDir } from '../support/temp-dir.js';

/** A project with the given packages (name → package.json fields) and a module file to resolve from. */
function project(packages: Record<string, object>): { base: string; root: string } {
  const root = tempDir('anysync-resolve-');
  for (const [name, manifest] of Object.entries(packages)) {
    const dir = join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, ...manifest }));
  }
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  return { base: pathToFileURL(join(root, 'src', 'deep', 'module.mjs')).href, root };
}

const file = (root: string, path: string) => pathToFileURL(join(root, 'node_modules', path)).href;

describe('resolveImport', () => {
  it('finds an entry exported only to import, from a folder below the project', () => {
    const { base, root } = project({
      '@scope/loader': {
        exports: { './register': { types: './r.d.ts', import: './r.mjs' }, '.': './main.js' },
      },
    });
    expect(resolveImport('@scope/loader/register', base)).toBe(file(root, '@scope/loader/r.mjs'));
    expect(resolveImport('@scope/loader', base)).toBe(file(root, '@scope/loader/main.js'));
  });

  it("takes the first condition an import on Node matches, in the package's order", () => {
    const { base, root } = project({
      first: { exports: { '.': { require: './a.cjs', node: { import: './b.mjs', default: './c.js' } } } },
      sugar: { exports: { import: './i.mjs', default: './d.js' } },
      listed: { exports: { '.': [{ browser: './x.js' }, './y.js'] } },
    });
    expect(resolveImport('first', base)).toBe(file(root, 'first/b.mjs'));
    expect(resolveImport('sugar', base)).toBe(file(root, 'sugar/i.mjs'));
    expect(resolveImport('listed', base)).toBe(file(root, 'listed/y.js'));
  });

  it('fills in subpath patterns, and uses main or the path itself without exports', () => {
    const { base, root } = project({
      patterned: { exports: { './features/*.js': { import: './dist/features/*.mjs' } } },
      old: { main: './lib/old.js' },
    });
    expect(resolveImport('patterned/features/a/b.js', base)).toBe(
      file(root, 'patterned/dist/features/a/b.mjs'),
    );
    expect(resolveImport('old', base)).toBe(file(root, 'old/lib/old.js'));
    expect(resolveImport('old/other.js', base)).toBe(file(root, 'old/other.js'));
  });

  it('gives nothing for a package or an entry that is not there, and for what is not a bare specifier', () => {
    const { base } = project({ closed: { exports: { '.': { require: './only.cjs' } } } });
    expect(resolveImport('closed', base)).toBeUndefined();
    expect(resolveImport('closed/hidden', base)).toBeUndefined();
    expect(resolveImport('absent-package-name-for-this-test', base)).toBeUndefined();
    expect(resolveImport('./relative.js', base)).toBeUndefined();
    expect(resolveImport('closed', 'data:text/javascript,')).toBeUndefined();
  });
});
