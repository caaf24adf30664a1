import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../edits/source-map.js';
import { planFiles } from '../generate/plan-files.js';
import { type ConvertedFile, runProject } from '../generate/project-run.js';
import { mapWithBanner } from './map-with-banner.js';
import { twinCandidates } from './twin-candidates.js';

/** A twin as a build serves it: the generator's output byte for byte, or the reasons there is none. */
export interface ServedTwin {
  readonly source: string;
  readonly target: string;
  /** The text `anysync generate` would write (banner included); `undefined` when the source has errors. */
  readonly code: string | undefined;
  /** From the twin back to its async source (banner line included). */
  readonly map: SourceMap | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Where a build or a loader finds the config: the directory it starts from and an explicit file. */
export interface TwinProjectOptions {
  readonly root: string;
  readonly config?: string | undefined;
}

/**
 * The twins of one project, generated in memory for a build or a module loader. The whole project is
 * converted at once (a twin depends on facts from the other sources: which names are async, which are
 * renamed), and again whenever a source, the set of sources or the config changes.
 */
export class TwinProject {
  readonly #options: TwinProjectOptions;
  #config: ResolvedConfig | undefined;
  #twins = new Map<string, ServedTwin>();
  #sourceTexts = new Map<string, string>();
  #stale = true;

  constructor(options: TwinProjectOptions) {
    this.#options = options;
  }

  /** The loaded config; {@link refresh} must have run once. */
  get config(): ResolvedConfig {
    if (this.#config === undefined) throw new Error('anysync: the project was not loaded yet');
    return this.#config;
  }

  /** The config file, when the config came from one (a build watches it). */
  get configFile(): string | undefined {
    const config = this.#config;
    return config && path.resolve(this.#options.root, config.source.replace(/#anysync$/, ''));
  }

  /** Every async source of the project: a change to any of them can change any twin. */
  get sources(): string[] {
    return [...this.#sourceTexts.keys()];
  }

  /** Forgets the converted twins: the next {@link refresh} converts the project again. */
  invalidate(reloadConfig = false): void {
    this.#stale = true;
    if (reloadConfig) this.#config = undefined;
  }

  /** Loads the config (once, or after `invalidate(true)`) and converts the project when it is stale. */
  async refresh(): Promise<void> {
    if (this.#config === undefined) {
      this.#config = await loadConfig(this.#options.root, this.#options.config);
      this.#stale = true;
    }
    if (this.#stale) this.#convert();
  }

  /**
   * Converts the project again if a source was added, removed or edited since the last conversion
   * (for loaders, which have no watcher telling them). Returns whether it did.
   */
  refreshIfChanged(): boolean {
    const config = this.config;
    const planned = planFiles(config);
    const changed =
      planned.length !== this.#sourceTexts.size ||
      planned.some((file) => this.#sourceTexts.get(file.source) !== readText(file.source));
    if (changed) this.#convert();
    return changed;
  }

  /** The twin generated at `file` (an absolute path), if one is. */
  twinAt(file: string): ServedTwin | undefined {
    return this.#twins.get(path.resolve(file));
  }

  /**
   * The twin an import names, or `undefined`: `absolute` is the imported path resolved against the
   * importer, with the extension the import spelled (`./x.js` finds the twin `x.ts`, as TypeScript does).
   */
  resolveTwin(absolute: string): ServedTwin | undefined {
    for (const candidate of twinCandidates(absolute)) {
      const twin = this.#twins.get(candidate);
      if (twin !== undefined) return twin;
    }
    return undefined;
  }

  /** The twin of an async source (an absolute path), if the rules give it one that runs. */
  twinOf(source: string): ServedTwin | undefined {
    const absolute = path.resolve(source);
    return this.twins.find((twin) => twin.source === absolute);
  }

  /** Every twin that runs (declaration twins are types, not modules). */
  get twins(): ServedTwin[] {
    return [...this.#twins.values()];
  }

  #convert(): void {
    const config = this.config;
    const run = runProject(config, { sourceMaps: true });
    this.#twins = new Map();
    this.#sourceTexts = new Map();
    for (const file of run.files) {
      this.#sourceTexts.set(file.source, file.originalText);
      if (/\.d\.[cm]?ts$/.test(file.target)) continue;
      this.#twins.set(file.target, served(file));
    }
    this.#stale = false;
  }
}

function served(file: ConvertedFile): ServedTwin {
  return {
    source: file.source,
    target: file.target,
    code: file.output,
    map:
      file.output === undefined || file.map === undefined ? undefined : mapWithBanner(file.map, file.output),
    diagnostics: file.diagnostics,
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
