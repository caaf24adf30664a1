import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportedNames, findAsyncResidue, NameConvention } from '@anysync/codegen';
import { afterEach, describe, expect, it } from 'vitest';
import * as asyncTwin from '../src/async/index.js';
import * as syncTwin from '../src/sync/index.js';

/** One API shape over both twins, so that the same behavioural suite runs against each. */
interface Twin {
  load(name: string, cwd: string): Promise<asyncTwin.LoadedConfig | undefined>;
  search(options: asyncTwin.ConfigLoaderOptions): Promise<asyncTwin.LoadedConfig | undefined>;
  loadFile(name: string, file: string): Promise<asyncTwin.LoadedConfig | undefined>;
  hasConfigFile(name: string, cwd: string): Promise<boolean>;
  findAll(names: string[], cwd: string, stopAt?: string): Promise<string[]>;
}

const twins: Record<'async' | 'sync', Twin> = {
  async: {
    load: (name, cwd) => asyncTwin.loadConfigAsync(name, cwd),
    search: (options) => new asyncTwin.AsyncConfigLoader(options).searchAsync(),
    loadFile: (name, file) => new asyncTwin.AsyncConfigLoader({ name }).loadAsync(file),
    hasConfigFile: (name, cwd) => asyncTwin.hasConfigFileAsync(name, cwd),
    findAll: async (names, cwd, stopAt) => {
      const found: string[] = [];
      for await (const file of asyncTwin.findAllUp(names, stopAt ? { cwd, stopAt } : { cwd }))
        found.push(file);
      return found;
    },
  },
  sync: {
    load: async (name, cwd) => syncTwin.loadConfig(name, cwd),
    search: async (options) => new syncTwin.ConfigLoader(options).search(),
    loadFile: async (name, file) => new syncTwin.ConfigLoader({ name }).load(file),
    hasConfigFile: async (name, cwd) => syncTwin.hasConfigFile(name, cwd),
    findAll: async (names, cwd, stopAt) => [...syncTwin.findAllUp(names, stopAt ? { cwd, stopAt } : { cwd })],
  },
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'config-loader-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe.each(['async', 'sync'] as const)('the %s twin', (color) => {
  const twin = twins[color];

  it('finds the nearest config walking up and applies its extends chain', async () => {
    const root = tree({
      'base.json': '{"server":{"port":80,"host":"localhost"},"tags":["a"]}',
      'app/.toolrc': 'extends = ../base.json\n# comment\n[server]\nport = 8080\n',
      'app/src/deep/x.txt': '',
    });
    const found = await twin.load('tool', path.join(root, 'app/src/deep'));
    expect(found?.file).toBe(path.join(root, 'app/.toolrc'));
    expect(found?.files).toEqual([path.join(root, 'app/.toolrc'), path.join(root, 'base.json')]);
    expect(found?.config).toEqual({ server: { port: 8080, host: 'localhost' }, tags: ['a'] });
  });

  it('prefers file names in order within one directory and skips package.json without the field', async () => {
    const root = tree({
      'package.json': '{"tool":{"from":"root package"}}',
      'app/package.json': '{"name":"app"}',
      'app/tool.config.json': '{"from":"config.json"}',
      'app/.toolrc.json': '{"from":"rc.json"}',
      'other/package.json': '{"name":"other"}',
    });
    expect((await twin.load('tool', path.join(root, 'app')))?.config).toEqual({ from: 'rc.json' });
    expect((await twin.load('tool', path.join(root, 'other')))?.config).toEqual({ from: 'root package' });
    expect(await twin.hasConfigFile('tool', path.join(root, 'other'))).toBe(false);
    expect(await twin.hasConfigFile('tool', path.join(root, 'app'))).toBe(true);
  });

  it('stops at stopAt and finds nothing above it', async () => {
    const root = tree({ '.toolrc': 'a = 1', 'app/x.txt': '' });
    expect(
      await twin.search({ name: 'tool', cwd: path.join(root, 'app'), stopAt: path.join(root, 'app') }),
    ).toBeUndefined();
    expect(await twin.findAll(['.toolrc', 'x.txt'], path.join(root, 'app'), root)).toEqual([
      path.join(root, 'app/x.txt'),
      path.join(root, '.toolrc'),
    ]);
  });

  it('reports a malformed file with its path and the parser message', async () => {
    const root = tree({ '.toolrc.json': '{"a": }' });
    const error = await twin.search({ name: 'tool', cwd: root }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(asyncTwin.ConfigLoadError);
    expect((error as asyncTwin.ConfigLoadError).file).toBe(path.join(root, '.toolrc.json'));
    expect((error as Error).message).toMatch(/is malformed: .*JSON/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('detects extends cycles', async () => {
    const root = tree({ 'a.json': '{"extends":"./b.json"}', 'b.json': '{"extends":"./a.json"}' });
    await expect(twin.loadFile('tool', path.join(root, 'a.json'))).rejects.toThrow(
      /`extends` cycle: a\.json -> b\.json -> a\.json/,
    );
  });

  it('rejects an rc line that is not key = value', async () => {
    const root = tree({ '.toolrc': 'just words\n' });
    await expect(twin.search({ name: 'tool', cwd: root })).rejects.toThrow(/line 1: expected `key = value`/);
  });

  it('reports an unreadable candidate instead of skipping it', async () => {
    const root = tree({ 'x.txt': '' });
    mkdirSync(path.join(root, '.toolrc.json', 'nested'), { recursive: true });
    await expect(twin.loadFile('tool', path.join(root, '.toolrc.json'))).rejects.toThrow(/cannot be read/);
  });
});

describe('the generated sync twin', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = (color: string) => path.join(here, '..', 'src', color);
  const files = readdirSync(dir('sync')).filter((file) => file.endsWith('.ts'));

  it('exists for every async source', () => {
    expect(files.sort()).toEqual(readdirSync(dir('async')).sort());
  });

  it.each(files)('%s has no async, await or Promise left', (file) => {
    expect(findAsyncResidue(readFileSync(path.join(dir('sync'), file), 'utf8'), file)).toEqual([]);
  });

  it.each(files)('%s exports the same names as its async source, renamed by the convention', (file) => {
    const names = new NameConvention();
    const asyncNames = exportedNames(readFileSync(path.join(dir('async'), file), 'utf8'), file);
    const syncNames = exportedNames(readFileSync(path.join(dir('sync'), file), 'utf8'), file);
    expect(syncNames).toEqual(asyncNames.map((name) => names.syncName(name) ?? name).sort());
  });

  it('exports the same runtime names from both index modules', () => {
    const names = new NameConvention();
    expect(Object.keys(syncTwin).sort()).toEqual(
      Object.keys(asyncTwin)
        .map((name) => names.syncName(name) ?? name)
        .sort(),
    );
  });
});
