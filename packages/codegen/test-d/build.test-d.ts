import type { RspackPluginInstance } from '@rspack/core';
import { emitTwinDeclarations, type TwinDeclaration, type TwinDeclarationOptions } from '@anysync/codegen';
import esbuildPlugin from '@anysync/codegen/esbuild';
import rolldownPlugin from '@anysync/codegen/rolldown';
import rollupPlugin, { type AnysyncPluginOptions } from '@anysync/codegen/rollup';
import rspackPlugin from '@anysync/codegen/rspack';
import vitePlugin, { anysync as namedVitePlugin } from '@anysync/codegen/vite';
import webpackPlugin from '@anysync/codegen/webpack';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as RolldownPlugin } from 'rolldown';
import type { Plugin as RollupPlugin } from 'rollup';
import type { Plugin as VitePlugin } from 'vite';
import { describe, expectTypeOf, it } from 'vitest';
import type { WebpackPluginInstance } from 'webpack';

describe('@anysync/codegen bundler plugins', () => {
  it("each subpath gives its bundler's plugin type", () => {
    expectTypeOf(vitePlugin()).toEqualTypeOf<VitePlugin>();
    expectTypeOf(namedVitePlugin).toEqualTypeOf(vitePlugin);
    expectTypeOf(rollupPlugin({ twinEntries: true })).toEqualTypeOf<RollupPlugin>();
    expectTypeOf(
      rolldownPlugin({ dts: { tsconfig: 'tsconfig.build.json' } }),
    ).toEqualTypeOf<RolldownPlugin>();
    expectTypeOf(esbuildPlugin({ root: '.' })).toEqualTypeOf<EsbuildPlugin>();
    expectTypeOf(webpackPlugin()).toEqualTypeOf<WebpackPluginInstance>();
    expectTypeOf(rspackPlugin()).toEqualTypeOf<RspackPluginInstance>();
  });

  it('checks the options', () => {
    expectTypeOf<AnysyncPluginOptions>().toEqualTypeOf<{
      root?: string;
      config?: string;
      twinEntries?: boolean | { name?: (entryName: string) => string };
      dts?: boolean | { tsconfig?: string };
    }>();
    // @ts-expect-error: not an option
    rollupPlugin({ outDir: 'dist' });
    // @ts-expect-error: a name function takes the entry's name
    rollupPlugin({ twinEntries: { name: (entry: number) => String(entry) } });
  });

  it('emitTwinDeclarations resolves with the declarations', () => {
    expectTypeOf(emitTwinDeclarations).parameters.toEqualTypeOf<[options?: TwinDeclarationOptions]>();
    expectTypeOf(emitTwinDeclarations()).toEqualTypeOf<Promise<TwinDeclaration[]>>();
    expectTypeOf<TwinDeclaration>().toEqualTypeOf<{
      readonly twin: string;
      readonly file: string;
      readonly text: string;
    }>();
  });
});
