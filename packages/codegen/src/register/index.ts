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
 *     experimental: { viteModuleRunner: false },
 *     execArgv: ['--import', 'tsx', '--import', '@anysync/codegen/register'],
 *   },
 * });
 * ```
 *
 * @module
 */
import { registerTwinHooks } from './register-twin-hooks.js';

await registerTwinHooks({ root: process.cwd(), config: process.env.ANYSYNC_CONFIG || undefined });
