/**
 * Where one export goes in the sync twin:
 *
 * - a name in the module's target (`'readFileSync'`);
 * - a name in another module (`{ module, name }`);
 * - nowhere new (`{ same: true }`): the export serves both colors, so awaiting it is fine and it is kept;
 * - an object whose members have sync counterparts (`{ members: { lstat: 'lstatSync' } }`): each member
 *   maps like an export, to a name in `module` when given, else in the enclosing module's target;
 * - nowhere (`{ error }`: using it is reported with that reason).
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
 * - `{ same: true }`: the module serves both colors as it is (awaiting its functions is not reported).
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
      same?: boolean;
      /** Why the module has no sync counterpart; every import of it is then reported. */
      error?: string;
      suggestion?: string;
    };

/** The mapping table a config adds to (and overrides) the shipped defaults, keyed by module specifier. */
export type MappingOptions = Record<string, ModuleMappingOption>;
