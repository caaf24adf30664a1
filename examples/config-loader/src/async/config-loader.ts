import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigObject } from '../shared/config-object.js';
import { ConfigLoadError } from '../shared/config-load-error.js';
import { mergeConfigs } from '../shared/merge-configs.js';
import { parseConfigText } from '../shared/parse-config-text.js';
import { findAllUp, findUp } from './find-up.js';

/** A config found on disk. */
export interface LoadedConfig {
  /** The merged config (with its `extends` chain applied). */
  readonly config: ConfigObject;
  /** The file it came from. */
  readonly file: string;
  /** Every file that contributed, the found file first. */
  readonly files: readonly string[];
}

/** What {@link AsyncConfigLoader} searches for and where. */
export interface ConfigLoaderOptions {
  /** The tool's name: `.<name>rc`, `.<name>rc.json`, `<name>.config.json` and `package.json#<name>`. */
  name: string;
  cwd?: string;
  stopAt?: string;
}

/**
 * Finds and loads a tool's config the way most tools do: the nearest config file walking up from
 * `cwd`, or the nearest `package.json` with a field named after the tool. Creating a loader does no
 * I/O; each search reads the disk afresh.
 */
export class AsyncConfigLoader {
  readonly #options: ConfigLoaderOptions;

  constructor(options: ConfigLoaderOptions) {
    if (!/^[\w.-]+$/.test(options.name))
      throw new TypeError(`invalid tool name: ${JSON.stringify(options.name)}`);
    this.#options = options;
  }

  /** The candidate file names, in the order they win within one directory. */
  get fileNames(): string[] {
    const { name } = this.#options;
    return [`.${name}rc`, `.${name}rc.json`, `${name}.config.json`, 'package.json'];
  }

  /** The nearest config, or `undefined` when there is none up to the root. */
  async searchAsync(): Promise<LoadedConfig | undefined> {
    for await (const file of findAllUp(this.fileNames, this.#options)) {
      const loaded = await this.loadAsync(file);
      if (loaded) return loaded;
    }
    return undefined;
  }

  /**
   * Loads one file, following `extends` (a path relative to the file). A `package.json` without the
   * tool's field gives `undefined`.
   */
  async loadAsync(file: string, seen: readonly string[] = []): Promise<LoadedConfig | undefined> {
    const absolute = path.resolve(file);
    if (seen.includes(absolute)) {
      throw new ConfigLoadError(
        absolute,
        `\`extends\` cycle: ${[...seen, absolute].map((f) => path.basename(f)).join(' -> ')}`,
      );
    }
    const own = await this.#readOwn(absolute);
    if (own === undefined) return undefined;
    const parent = own.extends;
    if (parent === undefined) return { config: own, file: absolute, files: [absolute] };
    if (typeof parent !== 'string') throw new ConfigLoadError(absolute, '`extends` must be a relative path');
    const base = await this.loadAsync(path.resolve(path.dirname(absolute), parent), [...seen, absolute]);
    if (!base) throw new ConfigLoadError(absolute, `\`extends\` points at ${parent}, which holds no config`);
    const { extends: _, ...rest } = own;
    return { config: mergeConfigs(base.config, rest), file: absolute, files: [absolute, ...base.files] };
  }

  async #readOwn(file: string): Promise<ConfigObject | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ConfigLoadError(file, 'cannot be read', { cause: error });
    }
    let parsed: ConfigObject;
    try {
      parsed = parseConfigText(text, file);
    } catch (error) {
      throw new ConfigLoadError(file, `is malformed: ${(error as Error).message}`, { cause: error });
    }
    if (path.basename(file) !== 'package.json') return parsed;
    const field = parsed[this.#options.name];
    if (field === undefined) return undefined;
    if (typeof field !== 'object' || field === null || Array.isArray(field)) {
      throw new ConfigLoadError(file, `the "${this.#options.name}" field must be an object`);
    }
    return field;
  }
}

/**
 * Shorthand: the nearest config of tool `name` from `cwd`, or `undefined`.
 *
 * @example
 * ```ts
 * const found = await loadConfigAsync('mytool');
 * console.log(found?.config);
 * ```
 */
export async function loadConfigAsync(name: string, cwd?: string): Promise<LoadedConfig | undefined> {
  return await new AsyncConfigLoader({ name, ...(cwd === undefined ? {} : { cwd }) }).searchAsync();
}

/** Whether a directory or one of its parents holds a config file of tool `name` (package.json aside). */
export async function hasConfigFileAsync(name: string, cwd?: string): Promise<boolean> {
  const loader = new AsyncConfigLoader({ name });
  const names = loader.fileNames.filter((file) => file !== 'package.json');
  return (await findUp(names, cwd === undefined ? {} : { cwd })) !== undefined;
}
