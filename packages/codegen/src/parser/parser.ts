import type ts from 'typescript';

/** The language a source file is written in, decided by its extension. */
export type SourceLanguage = 'ts' | 'tsx' | 'js' | 'jsx';

/** What the rules work on: the syntax tree of one file, with positions as UTF-16 offsets into its text. */
export interface ParsedSource {
  readonly fileName: string;
  readonly text: string;
  readonly language: SourceLanguage;
  readonly tree: ts.SourceFile;
  /** Syntax errors found while parsing; a file that has any is not transformed. */
  readonly syntaxErrors: readonly { start: number; message: string }[];
  /**
   * `true` when the tree carries no JSDoc nodes because the parser was asked to leave them to the
   * transform, which parses the few comments it must edit on demand (see {@link ParseOptions}).
   */
  readonly jsDocOnDemand?: boolean;
}

/** How much a parser does up front. */
export interface ParseOptions {
  /**
   * `'with-tree'` (the default): JSDoc comments are parsed and attached to their nodes, as tools that
   * read them expect. `'on-demand'`: they are not, and the transform parses the ones it needs.
   */
  readonly jsDoc?: 'with-tree' | 'on-demand';
}

/**
 * The one place the generator depends on a parser. The shipped implementation uses the `typescript`
 * package's in-process parser (6.0.x, the last line with one); another parser can replace it by producing
 * the same tree shape.
 */
export interface Parser {
  readonly name: string;
  parse(fileName: string, text: string, options?: ParseOptions): ParsedSource;
}
