/** What the generator knows about one converted source file. */
export interface FileFacts {
  /** Names of the file's async functions (declared or assigned async arrows), exported or not. */
  readonly asyncFunctions: ReadonlySet<string>;
  /** Names the file declares at top level. */
  readonly topLevelNames: ReadonlySet<string>;
}

/**
 * Facts about every converted source file, gathered before any file is transformed, so that one file's
 * twin can follow names declared in another.
 */
export interface ProjectFacts {
  /** Keyed by absolute path without extension. */
  readonly files: ReadonlyMap<string, FileFacts>;
  /** Members (methods, properties) declared in the converted sources that the naming convention renames; renamed on every property access. */
  readonly memberRenames: ReadonlyMap<string, string>;
}
