/**
 * Options of the anysync bundler plugin (`@anysync/codegen/vite`, `/rollup`, `/rolldown`, `/esbuild`,
 * `/webpack`, `/rspack`).
 */
export interface AnysyncPluginOptions {
  /**
   * The directory the config is looked for in (`anysync.config.*` or `package.json#anysync`).
   * @default the bundler's root (Vite's `root`, esbuild's `absWorkingDir`, webpack's `context`), else `process.cwd()`
   */
  root?: string;
  /** A config file to use instead of looking for one, relative to `root`. */
  config?: string;
  /**
   * Adds the twin of every entry that is an async source as another entry, named by `name` (Rollup,
   * Vite, Rolldown and esbuild; with webpack and Rspack name the twin's path in `entry`).
   * @default false
   */
  twinEntries?: boolean | { name?: (entryName: string) => string };
  /**
   * After the bundle is written, emits the twins' declarations where `tsc` would put them for files on
   * disk (see `emitTwinDeclarations`), with the project's `tsconfig.json` or the one named.
   * @default false
   */
  dts?: boolean | { tsconfig?: string };
}

/** The options once checked, with their defaults. */
export interface CheckedPluginOptions {
  readonly root: string | undefined;
  readonly config: string | undefined;
  readonly twinEntryName: ((entryName: string) => string) | undefined;
  /** The tsconfig for declarations (`''` for the default one), or `undefined` for none. */
  readonly dts: string | undefined;
}

const KNOWN = ['root', 'config', 'twinEntries', 'dts'];

/** Checks the plugin's options at the call, naming the option and the value that is wrong. */
export function checkPluginOptions(options: unknown): CheckedPluginOptions {
  if (options === undefined)
    return { root: undefined, config: undefined, twinEntryName: undefined, dts: undefined };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`anysync: the plugin's options must be an object, got ${describe(options)}`);
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN.includes(key))
      throw new TypeError(`anysync: unknown plugin option \`${key}\` (known: ${KNOWN.join(', ')})`);
  }
  for (const key of ['root', 'config'] as const) {
    const value = record[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(
        `anysync: the plugin option \`${key}\` must be a non-empty path, got ${describe(value)}`,
      );
    }
  }
  return {
    root: record.root as string | undefined,
    config: record.config as string | undefined,
    twinEntryName: twinEntryName(record.twinEntries),
    dts: dtsOption(record.dts),
  };
}

function dtsOption(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return '';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { tsconfig, ...rest } = value as { tsconfig?: unknown };
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw new TypeError(`anysync: unknown plugin option \`dts.${extra}\``);
    if (tsconfig === undefined) return '';
    if (typeof tsconfig === 'string' && tsconfig !== '') return tsconfig;
    throw new TypeError(
      `anysync: the plugin option \`dts.tsconfig\` must be a non-empty path, got ${describe(tsconfig)}`,
    );
  }
  throw new TypeError(
    `anysync: the plugin option \`dts\` must be a boolean or { tsconfig }, got ${describe(value)}`,
  );
}

function twinEntryName(value: unknown): ((entryName: string) => string) | undefined {
  const byDefault = (entryName: string) => `${entryName}-sync`;
  if (value === undefined || value === false) return undefined;
  if (value === true) return byDefault;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { name, ...rest } = value as { name?: unknown };
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw new TypeError(`anysync: unknown plugin option \`twinEntries.${extra}\``);
    if (name === undefined) return byDefault;
    if (typeof name === 'function') return checkedName(name as (entryName: string) => unknown);
    throw new TypeError(
      `anysync: the plugin option \`twinEntries.name\` must be a function, got ${describe(name)}`,
    );
  }
  throw new TypeError(
    `anysync: the plugin option \`twinEntries\` must be a boolean or { name }, got ${describe(value)}`,
  );
}

function checkedName(name: (entryName: string) => unknown): (entryName: string) => string {
  return (entryName) => {
    const result = name(entryName);
    if (typeof result !== 'string' || result === '') {
      throw new TypeError(
        `anysync: \`twinEntries.name\` must return a non-empty string, got ${describe(result)} for the entry \`${entryName}\``,
      );
    }
    return result;
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
