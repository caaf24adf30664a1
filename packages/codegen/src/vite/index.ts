/**
 * `@anysync/codegen/vite`: the anysync plugin for Vite. It reads `anysync.config.*` and serves the sync
 * twin of an async source wherever the twin's path is imported, generated in memory (no twin files on
 * disk), byte for byte what `anysync generate` writes, with a source map back to the async source.
 *
 * @module
 */
import type { Plugin } from 'vite';
import { anysyncPlugins } from '../build/anysync-unplugin.js';
import type { AnysyncPluginOptions } from '../build/plugin-options.js';

export type { AnysyncPluginOptions } from '../build/plugin-options.js';

/**
 * The anysync plugin for Vite. A source with errors fails the build with each diagnostic
 * (`file:line:col`, code frame, fix); in watch mode an edit to any async source or to the config
 * rebuilds the twins. Options are checked at the call (a `TypeError` names the wrong one).
 *
 * @example
 * ```ts
 * // vite.config.ts: a library whose sync entry is the twin of its async entry
 * import anysync from '@anysync/codegen/vite';
 * import { defineConfig } from 'vite';
 *
 * export default defineConfig({
 *   plugins: [anysync()],
 *   build: { lib: { entry: { index: 'src/async/index.ts', sync: 'src/sync/index.ts' }, formats: ['es'] } },
 * });
 * ```
 */
export const anysync: (options?: AnysyncPluginOptions) => Plugin = anysyncPlugins.vite;

export default anysync;
