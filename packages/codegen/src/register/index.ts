/**
 * `@anysync/codegen/register`: Node module hooks that serve the sync twins of a project, generated
 * from the async sources when they are imported, so that dev runs and tests need no generated files on
 * disk. Importing a twin's path (`./sync/client.js`, the twin of `./async/client.ts`) runs the twin of
 * the sources as they are at that moment.
 *
 * The config is `anysync.config.*` (or `package.json#anysync`) in the working directory, or the file
 * named by the `ANYSYNC_CONFIG` environment variable. On Node 22.15 and later the hooks cover `import`
 * and `require` (`module.registerHooks`); before, `import` only (`module.register`). Twins are plain
 * JavaScript once loaded, so they run with or without a TypeScript loader; the async sources and the
 * rest of a TypeScript project still need one (`tsx`, or Node's own type stripping).
 *
 * @example
 * ```sh
 * node --import tsx --import @anysync/codegen/register src/demo.ts
 * ANYSYNC_CONFIG=config/anysync.config.json node --import @anysync/codegen/register dist/demo.js
 * ```
 *
 * @example
 * ```ts
 * // vitest.config.ts: tests import twin paths; nothing is generated on disk
 * import { defineConfig } from 'vitest/config';
 *
 * export default defineConfig({
 *   test: {
 *     experimental: { viteModuleRunner: false, nodeLoader: false },
 *     execArgv: ['--import', 'tsx', '--import', '@anysync/codegen/register'],
 *   },
 * });
 * ```
 *
 * @module
 */
import type { HooksKind } from './hooks-kind.js';
import { registerTwinHooks } from './register-twin-hooks.js';

export type { HooksKind } from './hooks-kind.js';

/**
 * Which Node API serves the twins in this process: `'registerHooks'` (in the importing thread, for
 * `import` and `require()`) or `'register'` (a thread of its own, for `import`), as chosen at startup.
 *
 * @example
 * ```ts
 * const { registeredWith } = await import('@anysync/codegen/register');
 * console.log(registeredWith); // 'registerHooks' on Node 22.15+ when no other loader is preloaded
 * ```
 */
export const registeredWith: HooksKind = await registerTwinHooks({
  root: process.cwd(),
  config: process.env.ANYSYNC_CONFIG || undefined,
});
