import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import type { MappingOptions } from './mapping-options.js';
import type { NameOptions } from './name-options.js';

/** A directory of async sources and the directory their sync twins are written to. */
export interface DirectoryRule {
  /** The async sources, relative to the config file's directory. */
  from: string;
  /** Where the twins go, relative to the config file's directory; never inside `from`. */
  to: string;
}

/**
 * The project configuration: `anysync.config.{ts,mts,js,mjs,json}` or the `anysync` field of
 * `package.json`.
 */
export interface AnysyncConfig {
  /** Which directories are converted and where their twins go; the most specific rule wins per file. */
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
