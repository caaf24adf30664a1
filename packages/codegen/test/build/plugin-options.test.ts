import { describe, expect, it } from 'vitest';
import { checkPluginOptions } from '../../src/build/plugin-options.js';
import anysyncEsbuild from '../../src/esbuild/index.js';
import anysyncRollup from '../../src/rollup/index.js';
import anysyncWebpack from '../../src/webpack/index.js';

describe('the plugin options', () => {
  it('are optional, with their defaults', () => {
    expect(checkPluginOptions(undefined)).toEqual({
      root: undefined,
      config: undefined,
      twinEntryName: undefined,
      dts: undefined,
    });
    const checked = checkPluginOptions({ root: '/p', config: 'a.json', twinEntries: true, dts: true });
    expect(checked.twinEntryName?.('index')).toBe('index-sync');
    expect(checked.dts).toBe('');
    expect(checkPluginOptions({ dts: { tsconfig: 'tsconfig.build.json' } }).dts).toBe('tsconfig.build.json');
    expect(
      checkPluginOptions({ twinEntries: { name: (e: string) => `${e}.sync` } }).twinEntryName?.('a'),
    ).toBe('a.sync');
  });

  it.each([
    [42, /options must be an object, got 42/],
    [[], /options must be an object, got an array/],
    [{ outDir: 'x' }, /unknown plugin option `outDir`/],
    [{ root: '' }, /`root` must be a non-empty path, got ""/],
    [{ config: 3 }, /`config` must be a non-empty path, got 3/],
    [{ twinEntries: 'yes' }, /`twinEntries` must be a boolean or \{ name \}, got "yes"/],
    [{ twinEntries: { name: 'sync' } }, /`twinEntries.name` must be a function, got "sync"/],
    [{ twinEntries: { suffix: '-sync' } }, /unknown plugin option `twinEntries.suffix`/],
    [{ dts: 'tsconfig.json' }, /`dts` must be a boolean or \{ tsconfig \}, got "tsconfig.json"/],
    [{ dts: { tsconfig: '' } }, /`dts.tsconfig` must be a non-empty path/],
  ])('refuse %j with a TypeError naming the option', (options, message) => {
    expect(() => checkPluginOptions(options)).toThrow(TypeError);
    expect(() => checkPluginOptions(options)).toThrow(message);
    // At the call of each bundler's plugin, not at build time.
    expect(() => anysyncRollup(options as never)).toThrow(message);
  });

  it('refuse a name function that returns no name, when it is called', () => {
    const name = checkPluginOptions({ twinEntries: { name: () => '' } }).twinEntryName;
    expect(() => name?.('index')).toThrow(/must return a non-empty string, got "" for the entry `index`/);
  });

  it('refuse twinEntries where the bundler takes the twin path as an entry instead', () => {
    expect(() => anysyncEsbuild({ twinEntries: true })).toThrow(
      /`twinEntries` is for Rollup, Vite and Rolldown; with esbuild/,
    );
    const webpackPlugin = anysyncWebpack({ twinEntries: true }) as { apply(compiler: unknown): void };
    expect(() =>
      webpackPlugin.apply({
        options: { context: '/', plugins: [], module: { rules: [] }, resolve: {} },
        hooks: {},
      }),
    ).toThrow(/with webpack/);
  });
});
