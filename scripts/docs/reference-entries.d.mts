/** One entry point of the API reference: a subpath of a publishable package and its source file. */
export interface ReferenceEntry {
  /** As users import it: `anysync/runtime`, `@anysync/codegen`. */
  readonly specifier: string;
  readonly file: string;
  /** The workspace's folder, relative to the root. */
  readonly workspace: string;
}

export function referenceEntries(root: string): ReferenceEntry[];
