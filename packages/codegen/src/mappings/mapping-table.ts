import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { ExportMappingOption, MappingOptions, ModuleMappingOption } from '../config/mapping-options.js';

/** What one export becomes: another name (maybe in another module), or an error with its reason. */
export type ExportTarget =
  | { readonly kind: 'rename'; readonly module: string | undefined; readonly name: string | undefined }
  | { readonly kind: 'same' }
  | {
      readonly kind: 'members';
      /** Where the members' counterparts live (`undefined`: the enclosing module's target). */
      readonly module: string | undefined;
      readonly members: ReadonlyMap<string, ExportTarget>;
    }
  | { readonly kind: 'error'; readonly message: string; readonly suggestion: string | undefined };

/** The resolved mapping of one module. */
export interface ModuleEntry {
  /** The normalised key: `node:`-prefixed for built-ins, an absolute path without extension for files. */
  readonly key: string;
  /** The key as the user wrote it, for messages. */
  readonly label: string;
  /** For the members of an export (`promises` of `graceful-fs`): that export's name, for messages. */
  readonly memberOf?: string;
  readonly fromUser: boolean;
  /** The replacement module: a specifier, or an absolute file path for relative targets. */
  readonly module: string | undefined;
  readonly exports: ReadonlyMap<string, ExportTarget>;
  /** The exports the project itself listed (only those are reported when unused). */
  readonly userExports: ReadonlySet<string>;
  readonly strict: boolean;
  readonly same: boolean;
  readonly error: { readonly message: string; readonly suggestion: string | undefined } | undefined;
}

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;

/**
 * The (module, export) → sync counterpart table: shipped defaults with the project's entries merged over
 * them. It remembers which of the project's entries fired, so dead configuration can be reported.
 */
export class MappingTable {
  readonly #entries = new Map<string, ModuleEntry>();
  readonly #used = new Set<string>();
  #textNeedles: readonly string[] | undefined;
  #hasFileKeys = false;

  constructor(defaults: MappingOptions, user: MappingOptions = {}, baseDir = process.cwd()) {
    for (const [label, option] of Object.entries(defaults)) this.#addEntry(label, option, false, baseDir);
    for (const [label, option] of Object.entries(user)) this.#addEntry(label, option, true, baseDir);
  }

  /** The entry for an import specifier written in `importer` (an absolute path), if there is one. */
  lookup(specifier: string, importer: string): ModuleEntry | undefined {
    // Resolving a relative specifier costs path arithmetic; skip it when no entry is keyed by file.
    if (!this.#hasFileKeys && isRelative(specifier)) return undefined;
    return this.#entries.get(moduleKey(specifier, path.dirname(importer)));
  }

  /**
   * Strings one of which occurs in the text of every file this table can change: the mapped modules'
   * names without `node:` (and `promises`, for `fs.promises`). `undefined` when an entry is a relative
   * path, which a file can name in many ways.
   */
  textNeedles(): readonly string[] | undefined {
    if (this.#hasFileKeys) return undefined;
    if (this.#textNeedles !== undefined) return this.#textNeedles;
    const needles = ['promises'];
    for (const entry of this.#entries.values()) {
      const mapsSomething = entry.module !== undefined || entry.exports.size > 0 || entry.error !== undefined;
      if (mapsSomething) needles.push(entry.label.replace(/^node:/, ''));
    }
    this.#textNeedles = needles;
    return needles;
  }

  /** Records that an entry (and optionally one of its exports) changed the output. */
  markUsed(entry: ModuleEntry, exportName?: string): void {
    this.#used.add(entry.key);
    if (exportName !== undefined) this.#used.add(`${entry.key}#${exportName}`);
  }

  /** The project's entries (and their listed exports) that never changed any output, as `module` or `module#export`. */
  unusedUserEntries(): string[] {
    const unused: string[] = [];
    for (const entry of this.#entries.values()) {
      if (!entry.fromUser) continue;
      if (!this.#used.has(entry.key)) {
        unused.push(entry.label);
        continue;
      }
      for (const name of entry.exports.keys()) {
        if (entry.userExports.has(name) && !this.#used.has(`${entry.key}#${name}`))
          unused.push(`${entry.label}#${name}`);
      }
    }
    return unused;
  }

  #addEntry(label: string, option: ModuleMappingOption, fromUser: boolean, baseDir: string): void {
    const key = moduleKey(label, baseDir);
    if (isRelative(label)) this.#hasFileKeys = true;
    const previous = this.#entries.get(key);
    const normalized = typeof option === 'string' ? { module: option } : option;
    if (
      normalized.same === true &&
      (normalized.exports || normalized.module !== undefined || normalized.strict)
    ) {
      // Each part would win somewhere: a module that serves both colors has nothing to rename.
      throw new TypeError(
        `mappings['${label}']: \`same: true\` cannot be combined with \`exports\`, \`module\` or \`strict\` (mark single exports with \`{ same: true }\` instead)`,
      );
    }
    const exports = new Map(previous?.exports);
    const userExports = new Set<string>(previous?.userExports);
    for (const [name, target] of Object.entries(normalized.exports ?? {})) {
      exports.set(name, exportTarget(target, baseDir));
      if (fromUser) userExports.add(name);
    }
    const entry: ModuleEntry = {
      key,
      label,
      fromUser: fromUser || (previous?.fromUser ?? false),
      module: normalized.module === undefined ? previous?.module : resolveModule(normalized.module, baseDir),
      exports,
      userExports,
      strict: normalized.strict ?? previous?.strict ?? false,
      same: normalized.same ?? previous?.same ?? false,
      error:
        normalized.error === undefined
          ? previous?.error
          : { message: normalized.error, suggestion: normalized.suggestion },
    };
    this.#entries.set(key, entry);
  }
}

function exportTarget(option: ExportMappingOption, baseDir: string): ExportTarget {
  if (typeof option === 'string') return { kind: 'rename', module: undefined, name: option };
  if ('error' in option) return { kind: 'error', message: option.error, suggestion: option.suggestion };
  if ('same' in option) return { kind: 'same' };
  if ('members' in option) {
    const members = new Map<string, ExportTarget>();
    for (const [name, member] of Object.entries(option.members))
      members.set(name, exportTarget(member, baseDir));
    return {
      kind: 'members',
      module: option.module === undefined ? undefined : resolveModule(option.module, baseDir),
      members,
    };
  }
  if (option.name === undefined && option.module === undefined) {
    throw new Error('a mapping entry needs `name`, `module`, `same`, `members` or `error`');
  }
  return {
    kind: 'rename',
    module: option.module === undefined ? undefined : resolveModule(option.module, baseDir),
    name: option.name,
  };
}

/** How a message names one export of an entry (`lstat`, or `promises.lstat` for an export's members). */
export function exportLabel(entry: ModuleEntry, name: string): string {
  return entry.memberOf === undefined ? name : `${entry.memberOf}.${name}`;
}

/** Where in the config an entry's exports are listed, for suggestions. */
export function exportsPath(entry: ModuleEntry): string {
  const module = `mappings['${entry.label}'].exports`;
  return entry.memberOf === undefined ? module : `${module}.${entry.memberOf}.members`;
}

/** Normalises a specifier for lookup: built-ins get `node:`, relative paths become absolute without extension. */
export function moduleKey(specifier: string, baseDir: string): string {
  if (isRelative(specifier)) return path.resolve(baseDir, specifier).replace(SCRIPT_EXTENSION, '');
  if (!specifier.startsWith('node:') && isBuiltin(specifier)) return `node:${specifier}`;
  return specifier;
}

function resolveModule(specifier: string, baseDir: string): string {
  return isRelative(specifier) ? path.resolve(baseDir, specifier) : specifier;
}

/** Whether a specifier is a relative path (`./x`, `../x`, `.`). */
export function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}
