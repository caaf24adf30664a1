import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import type { MappingOptions } from './mapping-options.js';
import type { NameOptions } from './name-options.js';

/**
 * Where twins go: a directory of async sources and the directory their sync twins are written to, or
 * one source file and its twin's path (`{ from: 'src/x.ts', to: 'src/x-sync.ts' }`, for a layout that
 * keeps both colors in one folder). Which one is decided by what `from` is on disk.
 */
export interface DirectoryRule {
  /** The async sources (a directory) or source (a file), relative to the config file's directory. */
  from: string;
  /**
   * Where the twins go, relative to the config file's directory: a directory never inside `from`, or
   * for a file, the twin's path with the same extension, never a source.
   */
  to: string;
}

/**
 * The project configuration: `anysync.config.{ts,mts,js,mjs,json}` or the `anysync` field of
 * `package.json`.
 */
export interface AnysyncConfig {
  /** The JSON Schema of this file, for editors: `./node_modules/@anysync/codegen/schema.json`. */
  $schema?: string;
  /**
   * Which directories and files are converted and where their twins go; the most specific rule wins
   * per file (a file rule over a directory rule, a deeper directory over a shallower one).
   */
  rules: DirectoryRule[];
  /** Paths (relative to the config file, `*` and `**` allowed) of sources not to convert. */
  exclude?: string[];
  names?: NameOptions;
  mappings?: MappingOptions;
  /** The identifier whose `if`/`?:` branches are chosen per twin. @default 'IS_ASYNC' */
  isAsyncMarker?: string;
  /** Per-rule severity: `'error'`, `'warning'` or `'off'`. */
  severity?: SeverityOverrides;
  /** Where blocking helpers such as `sleepSync` are imported from. @default 'anysync/runtime' */
  runtimeModule?: string;
}

/**
 * Types a config object; returns it unchanged.
 *
 * @example
 * ```ts
 * // anysync.config.ts
 * import { defineConfig } from '@anysync/codegen';
 *
 * export default defineConfig({
 *   rules: [{ from: 'src/_async', to: 'src/_sync' }],
 *   mappings: { 'config-lib': { exports: { readConfig: 'readConfigSync' } } },
 * });
 * ```
 */
export function defineConfig(config: AnysyncConfig): AnysyncConfig {
  return config;
}
