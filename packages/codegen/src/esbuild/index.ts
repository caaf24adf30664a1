/**
 * `@anysync/codegen/esbuild`: the anysync plugin for esbuild. It reads `anysync.config.*` and serves the sync
 * twin of an async source wherever the twin's path is imported, generated in memory (no twin files on
 * disk), byte for byte what `anysync generate` writes, with a source map back to the async source.
 *
 * @module
 */
import type { Plugin } from 'esbuild';
import { anysyncPlugins } from '../build/anysync-unplugin.js';
import type { AnysyncPluginOptions } from '../build/plugin-options.js';

export type { AnysyncPluginOptions } from '../build/plugin-options.js';

/**
 * The anysync plugin for esbuild. A source with errors fails the build with each diagnostic
 * (`file:line:col`, code frame, fix); in watch mode an edit to any async source or to the config
 * rebuilds the twins. Options are checked at the call (a `TypeError` names the wrong one).
 *
 * @example
 * ```ts
 * import anysync from '@anysync/codegen/esbuild';
 * import { build } from 'esbuild';
 *
 * await build({
 *   entryPoints: { index: 'src/async/index.ts', sync: 'src/sync/index.ts' },
 *   bundle: true,
 *   platform: 'node',
 *   format: 'esm',
 *   outdir: 'dist',
 *   plugins: [anysync()],
 * });
 * ```
 */
export const anysync: (options?: AnysyncPluginOptions) => Plugin = anysyncPlugins.esbuild;

export default anysync;
