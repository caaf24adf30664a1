import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { tempProject } from '../support/temp-project.js';

const rules = [{ from: 'src/_async', to: 'src/_sync' }];

async function loadError(root: string): Promise<ConfigError> {
  try {
    await loadConfig(root);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the config loaded');
}

describe('loadConfig()', () => {
  it('reads anysync.config.ts without a build step and leaves no temporary file', async () => {
    const project = tempProject({
      'src/_async/a.ts': '',
      'anysync.config.ts': `const marker: string = 'ASYNC';\nexport default { rules: ${JSON.stringify(rules)}, isAsyncMarker: marker };\n`,
    });
    const config = await loadConfig(project.root);
    expect(config.isAsyncMarker).toBe('ASYNC');
    expect(config.source).toBe('anysync.config.ts');
    expect(readdirSync(project.root).sort()).toEqual(['anysync.config.ts', 'src']);
  });

  it('reads a JavaScript config exporting a function', async () => {
    const project = tempProject({
      'src/_async/a.ts': '',
      'anysync.config.mjs': `export default async () => ({ rules: ${JSON.stringify(rules)} });\n`,
    });
    expect((await loadConfig(project.root)).rules).toHaveLength(1);
  });

  it('reads anysync.config.json (with a $schema and a byte order mark) and package.json#anysync', async () => {
    const config = { $schema: './node_modules/@anysync/codegen/schema.json', rules };
    const json = tempProject({
      'src/_async/a.ts': '',
      'anysync.config.json': `\uFEFF${JSON.stringify(config)}`,
    });
    expect((await loadConfig(json.root)).source).toBe('anysync.config.json');
    const manifest = tempProject({
      'src/_async/a.ts': '',
      'package.json': JSON.stringify({ name: 'x', anysync: { rules } }),
    });
    expect((await loadConfig(manifest.root)).source).toBe('package.json#anysync');
  });

  it('explains where it looked when there is no config', async () => {
    const project = tempProject({ 'package.json': '{"name":"x"}' });
    await expect(loadConfig(project.root)).rejects.toThrow(/no config found in .*anysync\.config\.json/);
  });

  it('gives the line, column and code frame of broken JSON', async () => {
    const project = tempProject({
      'anysync.config.json': '{\n  "rules": [\n    { "from": "a", "to": "b", },\n  ]\n}\n',
    });
    expect((await loadError(project.root)).message).toBe(
      [
        'anysync.config.json:3:31: not valid JSON: a trailing comma is not JSON',
        '    3 |     { "from": "a", "to": "b", },',
        '      |                               ^',
      ].join('\n'),
    );
  });

  it('gives the line and column of broken JSON in package.json', async () => {
    const project = tempProject({ 'package.json': '{\n  "name": "x",\n  "anysync": { rules: [] }\n}\n' });
    expect((await loadError(project.root)).message).toMatch(
      /^package\.json:3:16: not valid JSON: expected a double-quoted property name\n {4}3 \| /,
    );
  });

  it('refuses a config that is not UTF-8', async () => {
    const project = tempProject({});
    project.write('anysync.config.json', '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${project.root}/anysync.config.json`, Buffer.from('{"rules": "\xe9"}', 'latin1'));
    expect((await loadError(project.root)).message).toMatch(
      /^anysync\.config\.json: not valid UTF-8 at byte offset 11/,
    );
  });

  it('shows every problem of a JSON config where it is', async () => {
    const project = tempProject({
      'src/_async/a.ts': '',
      'anysync.config.json': [
        '{',
        '  "rules": [{ "from": "src/_async", "to": "src/_sync" }],',
        '  "names": { "asyncPrefix": "remove" },',
        '  "mappings": { "config-lib": { "same": true, "exports": { "readConfig": "readConfigSync" } } }',
        '}',
      ].join('\n'),
    });
    const error = await loadError(project.root);
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe(
      [
        'anysync.config.json: 2 problems in the config',
        'anysync.config.json:3:29: names.asyncPrefix: expected "strip" | "sync" | "keep", got "remove"',
        '    3 |   "names": { "asyncPrefix": "remove" },',
        '      |                             ^^^^^^^^',
        'anysync.config.json:4:47: mappings["config-lib"]: "same" cannot be combined with "exports": a module that serves both colors is used as it is, so it has no target, no export mappings and no error',
        '    4 |   "mappings": { "config-lib": { "same": true, "exports": { "readConfig": "readConfigSync" } } }',
        '      |                                               ^^^^^^^^^',
      ].join('\n'),
    );
  });

  it('names the anysync field in package.json and points into it', async () => {
    const project = tempProject({
      'package.json':
        '{\n  "name": "x",\n  "anysync": {\n    "rules": [{ "from": "src", "to": "out" }],\n    "nmaes": {}\n  }\n}\n',
    });
    expect((await loadError(project.root)).message).toMatch(
      /^package\.json#anysync:5:5: unknown key "nmaes" \(did you mean "names"\? known: .*\)\n {4}5 \| {5}"nmaes": \{\}/,
    );
  });

  it('names the path of a problem in a TypeScript config', async () => {
    const project = tempProject({
      'src/_async/a.ts': '',
      'anysync.config.ts': `export default { rules: ${JSON.stringify(rules)}, names: { asyncSuffix: 'remove' } };\n`,
    });
    expect((await loadError(project.root)).message).toBe(
      'anysync.config.ts: names.asyncSuffix: expected "strip" | "keep", got "remove"',
    );
  });

  it('resolves an explicit --config path and its rules relative to that file', async () => {
    const project = tempProject({ 'pkg/src/_async/a.ts': '', 'pkg/conf.json': JSON.stringify({ rules }) });
    const config = await loadConfig(project.root, 'pkg/conf.json');
    expect(config.rules[0]?.from).toBe(`${project.root}/pkg/src/_async`);
    await expect(loadConfig(project.root, 'nope.json')).rejects.toThrow(
      /config file .*nope\.json does not exist/,
    );
  });
});
