/**
 * Where one export goes in the sync twin. Exactly one of:
 *
 * - a string: a name in the module's target (`'readFileSync'`);
 * - `{ module?, name? }`: moved to another module and/or name;
 * - `{ same: true }`: the export serves both colors (awaiting it is fine); its name is unchanged;
 * - `{ members, module? }`: an exported object whose members have sync counterparts
 *   (`promises: { members: { lstat: 'lstatSync' } }`); a string member names an export of `module`
 *   when given, else of the enclosing module's target;
 * - `{ error, suggestion? }`: it has no sync counterpart; using it is reported with that reason.
 */
export type ExportMappingOption =
  | string
  | { module?: string; name?: string }
  | { same: true }
  | { members: Record<string, ExportMappingOption>; module?: string }
  | { error: string; suggestion?: string };

/**
 * How imports of one module change in the sync twin.
 *
 * - A string: the whole module is replaced by another one, names unchanged (`'redis-async': 'redis'`).
 * - `{ module?, exports?, strict? }`: the module is replaced (or kept when `module` is omitted) and the
 *   listed exports are renamed or moved; with `strict`, an export that is not listed is an error.
 * - `{ same: true }`: the module serves both colors as it is (awaiting its functions is not reported);
 *   it cannot be combined with `module`, `exports` or `strict` (the types say so too).
 * - `{ error, suggestion? }`: the module has no sync counterpart; every import of it is reported.
 *
 * Keys are module specifiers as imports write them; a relative key (`./db.js`) is resolved against the
 * config file's directory and matches every import of that file.
 */
export type ModuleMappingOption =
  | string
  | {
      module?: string;
      exports?: Record<string, ExportMappingOption>;
      strict?: boolean;
      same?: never;
      error?: never;
      suggestion?: never;
    }
  | {
      /** The module serves both colors; alone (no `module`, `exports` or `strict`). */
      same: true;
      module?: never;
      exports?: never;
      strict?: never;
      error?: never;
      suggestion?: never;
    }
  | {
      /** Why the module has no sync counterpart; only `suggestion` goes with it. */
      error: string;
      suggestion?: string;
      module?: never;
      exports?: never;
      strict?: never;
      same?: never;
    };

/** The mapping table a config adds to (and overrides) the shipped defaults, keyed by module specifier. */
export type MappingOptions = Record<string, ModuleMappingOption>;
