import type { MappingOptions } from '../config/mapping-options.js';
import type { NameOptions } from '../config/name-options.js';
import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import type { MappingTable } from '../mappings/mapping-table.js';
import type { ProjectFacts } from '../project/project-facts.js';
import type { PathRule } from './path-rule.js';

/** Options of {@link transform}. Only `fileName` matters for a single self-contained file. */
export interface TransformOptions {
  /** The source's path: used in diagnostics, to pick the language from its extension and to resolve imports. */
  fileName: string;
  /** Where the twin will be written; relative imports are rewritten to stay correct from there. */
  outFileName?: string;
  /** Directory pairs of the whole project (`src/_async` → `src/_sync`), for imports that cross into them. */
  pathRules?: readonly PathRule[];
  names?: NameOptions;
  /** Project mappings merged over the shipped defaults; or a prepared table shared by many files. */
  mappings?: MappingOptions | MappingTable;
  /** The identifier whose `if`/`?:` branches are chosen per twin (`IS_ASYNC` by default). */
  isAsyncMarker?: string;
  severity?: SeverityOverrides;
  /** Facts about the other converted files; without them the file is treated as the whole project. */
  project?: ProjectFacts;
  /** The module the blocking helpers (`sleepSync`) are imported from. @default 'anysync/runtime' */
  runtimeModule?: string;
  /** Produce a source map back to the async source. @default true */
  sourceMap?: boolean;
}
