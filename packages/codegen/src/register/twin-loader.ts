import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { twinMessages } from '../build/twin-messages.js';
import type { TwinProject } from '../build/twin-project.js';
import { type RunnableTwin, runnableTwin } from './runnable-twin.js';

/** Specifiers that name a file: relative, absolute or a `file:` URL. */
const FILE_SPECIFIER = /^(?:\.{1,2}\/|\/|file:)/;

/**
 * What the module hooks do, for both kinds of hooks (`module.registerHooks` runs them in the thread
 * that imports, `module.register` in a thread of their own): find the twin a specifier names, and
 * give the freshly generated twin for a twin's URL.
 */
export class TwinLoader {
  readonly #project: TwinProject;
  readonly #warned = new Set<string>();

  constructor(project: TwinProject) {
    this.#project = project;
  }

  /** The URL of the twin `specifier` names from `parentURL`, or `undefined`. */
  resolve(specifier: string, parentURL: string | undefined): string | undefined {
    if (!FILE_SPECIFIER.test(specifier)) return undefined;
    // A query or hash (`?v=2`, to import again) stays on the twin's URL.
    const cut = specifier.search(/[?#]/);
    const name = cut === -1 ? specifier : specifier.slice(0, cut);
    const suffix = cut === -1 ? '' : specifier.slice(cut);
    let file: string;
    if (name.startsWith('file:')) file = fileURLToPath(name);
    else if (name.startsWith('/')) file = name;
    else if (parentURL?.startsWith('file:'))
      file = path.resolve(path.dirname(fileURLToPath(parentURL)), name);
    else return undefined;
    const twin = this.#project.resolveTwin(file);
    return twin === undefined ? undefined : pathToFileURL(twin.target).href + suffix;
  }

  /** Converts the project again when a source changed; whether it did (a specifier may now be a twin). */
  refresh(): boolean {
    return this.#project.refreshIfChanged();
  }

  /**
   * The twin at `url`, generated from the sources as they are now, as Node runs it; `undefined` when
   * `url` is no twin. A source with errors throws them, with their locations, at the import.
   */
  load(url: string): RunnableTwin | undefined {
    if (!url.startsWith('file:')) return undefined;
    const file = fileURLToPath(url.replace(/[?#].*$/, ''));
    if (this.#project.twinAt(file) === undefined) return undefined;
    this.#project.refreshIfChanged();
    const twin = this.#project.twinAt(file);
    if (twin === undefined) return undefined;
    const { error, warnings } = twinMessages(twin, this.#project.config.root);
    for (const warning of warnings) {
      if (this.#warned.has(warning)) continue;
      this.#warned.add(warning);
      process.emitWarning(warning, 'AnysyncWarning');
    }
    if (error !== undefined || twin.code === undefined)
      throw new Error(error ?? `anysync: cannot load ${file}`);
    return runnableTwin(twin, twin.code);
  }
}
