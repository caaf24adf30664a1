/**
 * `@anysync/codegen/webpack`: the anysync plugin for webpack. It reads `anysync.config.*` and serves the sync
 * twin of an async source wherever the twin's path is imported, generated in memory (no twin files on
 * disk), byte for byte what `anysync generate` writes, with a source map back to the async source.
 *
 * @module
 */
import type { WebpackPluginInstance } from 'webpack';
import { anysyncPlugins } from '../build/anysync-unplugin.js';
import type { AnysyncPluginOptions } from '../build/plugin-options.js';

export type { AnysyncPluginOptions } from '../build/plugin-options.js';

/**
 * The anysync plugin for webpack. A source with errors fails the build with each diagnostic
 * (`file:line:col`, code frame, fix); in watch mode an edit to any async source or to the config
 * rebuilds the twins. Options are checked at the call (a `TypeError` names the wrong one).
 *
 * @example
 * ```ts
 * // webpack.config.js
 * import anysync from '@anysync/codegen/webpack';
 *
 * export default {
 *   entry: { index: './src/async/index.ts', sync: './src/sync/index.ts' },
 *   resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
 *   module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true } }] },
 *   plugins: [anysync()],
 * };
 * ```
 */
export const anysync: (options?: AnysyncPluginOptions) => WebpackPluginInstance = anysyncPlugins.webpack;

export default anysync;
