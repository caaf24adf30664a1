import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { isCommonJsPackage } from '../../src/mappings/commonjs-package.js';
import { tempProject } from '../support/temp-project.js';

const CJS_LIB = {
  'node_modules/glob-like/package.json': '{ "name": "glob-like", "main": "index.js" }\n',
  // Like fast-glob: one function as module.exports, its sync variant a property Node's scan cannot see.
  'node_modules/glob-like/index.js':
    "function glob(p) { return Promise.resolve(['async:' + p]); }\nglob.sync = (p) => ['sync:' + p];\nmodule.exports = glob;\n",
  'node_modules/esm-like/package.json': '{ "name": "esm-like", "type": "module", "exports": "./index.js" }\n',
  'node_modules/esm-like/index.js':
    "export default async function find(p) { return 'async:' + p; }\nexport const findSync = (p) => 'sync:' + p;\n",
};

describe('isCommonJsPackage()', () => {
  it('tells a CommonJS-only package from an ES module one, as Node resolves them', () => {
    const project = tempProject(CJS_LIB);
    const importer = path.join(project.root, 'src/_async/a.js');
    expect(isCommonJsPackage('glob-like', importer)).toBe(true);
    expect(isCommonJsPackage('esm-like', importer)).toBe(false);
    expect(isCommonJsPackage('not-installed', importer)).toBeUndefined();
    expect(isCommonJsPackage('node:fs', importer)).toBe(false);
  });
});

describe('a mapped default import', () => {
  it('reads the export as a property of a CommonJS module, imports it by name from an ES module, and the twin runs', async () => {
    const project = tempProject({
      ...CJS_LIB,
      'package.json': '{ "type": "module" }\n',
      'src/_async/use.js': [
        "import glob from 'glob-like';",
        "import find from 'esm-like';",
        'export async function listAsync(p) {',
        '  return [...(await glob(p)), await find(p)];',
        '}',
        '',
      ].join('\n'),
    });
    const config = {
      rules: [{ from: 'src/_async', to: 'src/_sync' }],
      mappings: {
        'glob-like': { exports: { default: 'sync' } },
        'esm-like': { exports: { default: 'findSync' } },
      },
    };
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics).toEqual([]);
    const twin = project.read('src/_sync/use.js');
    expect(twin).toContain("import globModule from 'glob-like';\nconst glob = globModule.sync;");
    expect(twin).toContain("import { findSync as find } from 'esm-like';");
    const { list } = await import(pathToFileURL(path.join(project.root, 'src/_sync/use.js')).href);
    expect(list('x')).toEqual(['sync:x', 'sync:x']);
  });
});
