import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { tempProject } from '../support/temp-project.js';

const rules = [{ from: 'src/_async', to: 'src/_sync' }];

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

  it('reads anysync.config.json and package.json#anysync', async () => {
    const json = tempProject({ 'src/_async/a.ts': '', 'anysync.config.json': JSON.stringify({ rules }) });
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

  it('names the file when its JSON is broken', async () => {
    const project = tempProject({ 'anysync.config.json': '{ rules: ' });
    await expect(loadConfig(project.root)).rejects.toThrow(/anysync\.config\.json: not valid JSON/);
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
