/**
 * `@anysync/codegen/rollup`: the anysync plugin for Rollup. It reads `anysync.config.*` and serves the sync
 * twin of an async source wherever the twin's path is imported, generated in memory (no twin files on
 * disk), byte for byte what `anysync generate` writes, with a source map back to the async source.
 *
 * @module
 */
import type { Plugin } from 'rollup';
import { anysyncPlugins } from '../build/anysync-unplugin.js';
import type { AnysyncPluginOptions } from '../build/plugin-options.js';

export type { AnysyncPluginOptions } from '../build/plugin-options.js';

/**
 * The anysync plugin for Rollup. A source with errors fails the build with each diagnostic
 * (`file:line:col`, code frame, fix); in watch mode an edit to any async source or to the config
 * rebuilds the twins. Options are checked at the call (a `TypeError` names the wrong one).
 *
 * @example
 * ```ts
 * // rollup.config.js: the twin of each async entry becomes an entry of its own (`index-sync`)
 * import anysync from '@anysync/codegen/rollup';
 * import esbuild from 'rollup-plugin-esbuild';
 *
 * export default {
 *   input: { index: 'src/async/index.ts' },
 *   plugins: [anysync({ twinEntries: true }), esbuild()],
 *   output: { dir: 'dist', format: 'es' },
 * };
 * ```
 */
export const anysync: (options?: AnysyncPluginOptions) => Plugin = anysyncPlugins.rollup;

export default anysync;
