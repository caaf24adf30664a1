/**
 * `@anysync/codegen/rspack`: the anysync plugin for Rspack. It reads `anysync.config.*` and serves the sync
 * twin of an async source wherever the twin's path is imported, generated in memory (no twin files on
 * disk), byte for byte what `anysync generate` writes, with a source map back to the async source.
 *
 * @module
 */
import type { RspackPluginInstance } from '@rspack/core';
import { anysyncPlugins } from '../build/anysync-unplugin.js';
import type { AnysyncPluginOptions } from '../build/plugin-options.js';

export type { AnysyncPluginOptions } from '../build/plugin-options.js';

/**
 * The anysync plugin for Rspack. A source with errors fails the build with each diagnostic
 * (`file:line:col`, code frame, fix); in watch mode an edit to any async source or to the config
 * rebuilds the twins. Options are checked at the call (a `TypeError` names the wrong one).
 *
 * @example
 * ```ts
 * // rspack.config.mjs
 * import anysync from '@anysync/codegen/rspack';
 *
 * export default {
 *   entry: { index: './src/async/index.ts', sync: './src/sync/index.ts' },
 *   resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
 *   module: { rules: [{ test: /\.ts$/, loader: 'builtin:swc-loader', options: { jsc: { parser: { syntax: 'typescript' } } } }] },
 *   plugins: [anysync()],
 * };
 * ```
 */
export const anysync: (options?: AnysyncPluginOptions) => RspackPluginInstance = anysyncPlugins.rspack;

export default anysync;
