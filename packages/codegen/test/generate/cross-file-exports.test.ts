import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { tempProject } from '../support/temp-project.js';

const config = { rules: [{ from: 'src/_async', to: 'src/_sync' }] };

describe('exports followed across converted files', () => {
  it('renames an export read through a namespace import of a converted file, and the twin runs', async () => {
    const project = tempProject({
      'src/_async/a.mjs': "export async function loadAsync(name) {\n  return 'loaded ' + name;\n}\n",
      'src/_async/b.mjs':
        "import * as a from './a.mjs';\n\nexport async function useAsync() {\n  return await a.loadAsync('x');\n}\n",
    });
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics).toEqual([]);
    expect(project.read('src/_sync/b.mjs')).toContain("return a.load('x');");
    const twin = await import(pathToFileURL(path.join(project.root, 'src/_sync/b.mjs')).href);
    const source = await import(pathToFileURL(path.join(project.root, 'src/_async/b.mjs')).href);
    expect(twin.use()).toBe(await source.useAsync());
  });

  it('renames CommonJS exports in every form, and importers follow', async () => {
    const project = tempProject({
      'src/_async/lib.cjs': [
        "'use strict';",
        "module.exports.readAsync = async function readAsync(p) { return 'read ' + p; };",
        "exports.writeAsync = async (p) => 'wrote ' + p;",
        "exports['removeAsync'] = async (p) => 'removed ' + p;",
        "Object.defineProperty(exports, 'statAsync', { enumerable: true, value: async (p) => 'stat ' + p });",
        "async function copyAsync(p) { return (await exports.readAsync(p)) + ' copied'; }",
        'module.exports.copyAsync = copyAsync;',
        '',
      ].join('\n'),
      'src/_async/app.cjs': [
        "const lib = require('./lib.cjs');",
        "const { writeAsync } = require('./lib.cjs');",
        'async function runAsync() {',
        "  return [await lib.readAsync('a'), await writeAsync('b'), await lib.removeAsync('c'), await lib.statAsync('d'), await lib.copyAsync('e')];",
        '}',
        'module.exports = { runAsync };',
        '',
      ].join('\n'),
    });
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics).toEqual([]);
    const require = createRequire(import.meta.url);
    const twin = require(path.join(project.root, 'src/_sync/app.cjs'));
    const source = require(path.join(project.root, 'src/_async/app.cjs'));
    expect(Object.keys(require(path.join(project.root, 'src/_sync/lib.cjs'))).sort()).toEqual([
      'copy',
      'read',
      'remove',
      'stat',
      'write',
    ]);
    expect(twin.run()).toEqual(await source.runAsync());
  });

  it('applies an explicit rename to a CommonJS export', async () => {
    const project = tempProject({
      'src/_async/config.cjs': 'module.exports.loadConfig = async function loadConfig(p) { return p; };\n',
    });
    const report = await generate(
      { ...config, names: { renames: { loadConfig: 'loadConfigSync' } } },
      { root: project.root },
    );
    expect(report.diagnostics).toEqual([]);
    expect(project.read('src/_sync/config.cjs')).toContain(
      'module.exports.loadConfigSync = function loadConfigSync(p) { return p; };',
    );
  });

  it('refuses a twin whose exports differ from the source renamed (export parity)', async () => {
    const project = tempProject({
      // A quoted key is an export the rules do not rename: the twin would still export `loadAsync`.
      'src/_async/odd.cjs': "module.exports = { 'loadAsync': async () => 1, saveAsync: async () => 2 };\n",
    });
    const report = await generate(config, { root: project.root });
    expect(report.failed).toBe(1);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'export-parity',
        severity: 'error',
        message: expect.stringContaining('does not export `load` and exports `loadAsync`'),
      }),
    ]);
  });
});
