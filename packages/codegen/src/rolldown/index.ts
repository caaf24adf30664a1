/**
 * `@anysync/codegen/rolldown`: the anysync plugin for Rolldown. It reads `anysync.config.*` and serves the sync
 * twin of an async source wherever the twin's path is imported, generated in memory (no twin files on
 * disk), byte for byte what `anysync generate` writes, with a source map back to the async source.
 *
 * @module
 */
import type { Plugin } from 'rolldown';
import { anysyncPlugins } from '../build/anysync-unplugin.js';
import type { AnysyncPluginOptions } from '../build/plugin-options.js';

export type { AnysyncPluginOptions } from '../build/plugin-options.js';

/**
 * The anysync plugin for Rolldown. A source with errors fails the build with each diagnostic
 * (`file:line:col`, code frame, fix); in watch mode an edit to any async source or to the config
 * rebuilds the twins. Options are checked at the call (a `TypeError` names the wrong one).
 *
 * @example
 * ```ts
 * // tsdown.config.ts (tsdown builds with Rolldown)
 * import anysync from '@anysync/codegen/rolldown';
 * import { defineConfig } from 'tsdown';
 *
 * export default defineConfig({
 *   entry: { index: 'src/async/index.ts', sync: 'src/sync/index.ts' },
 *   plugins: [anysync()],
 * });
 * ```
 */
export const anysync: (options?: AnysyncPluginOptions) => Plugin = anysyncPlugins.rolldown;

export default anysync;
