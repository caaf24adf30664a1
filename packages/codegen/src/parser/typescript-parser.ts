import ts from 'typescript';
import { canParseJsDocOnDemand } from './on-demand-jsdoc.js';
import type { ParsedSource, ParseOptions, Parser, SourceLanguage } from './parser.js';

const LANGUAGES: Record<string, SourceLanguage> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
};

const SCRIPT_KINDS: Record<SourceLanguage, ts.ScriptKind> = {
  ts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

/**
 * The extensions the generator reads, each kept in the twin it writes.
 *
 * @example
 * ```ts
 * import { SOURCE_EXTENSIONS } from '@anysync/codegen';
 *
 * console.log(SOURCE_EXTENSIONS); // ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']
 * ```
 */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(LANGUAGES);

/** The language of a file name, or `undefined` when the generator does not read that extension. */
export function languageOf(fileName: string): SourceLanguage | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot === -1) return undefined;
  const extension = fileName.slice(dot).toLowerCase();
  if (fileName.toLowerCase().endsWith(`.d${extension}`)) return 'ts';
  return LANGUAGES[extension];
}

/**
 * The parser backed by `typescript`'s `createSourceFile`. JSDoc is parsed with the tree unless the
 * caller asks for `{ jsDoc: 'on-demand' }`, as the transform does: it parses only the comments it edits.
 *
 * @example
 * ```ts
 * import { typescriptParser } from '@anysync/codegen';
 *
 * const parsed = typescriptParser.parse('a.ts', 'export async function f() {}');
 * console.log(parsed.language, parsed.syntaxErrors.length); // 'ts' 0
 * ```
 */
export const typescriptParser: Parser = {
  name: `typescript ${ts.version}`,
  parse(fileName: string, text: string, options?: ParseOptions): ParsedSource {
    const language = languageOf(fileName) ?? 'ts';
    const jsDocOnDemand = options?.jsDoc === 'on-demand' && canParseJsDocOnDemand;
    const settings = {
      languageVersion: ts.ScriptTarget.Latest,
      jsDocParsingMode: jsDocOnDemand ? ts.JSDocParsingMode.ParseNone : ts.JSDocParsingMode.ParseAll,
    };
    // No parent pointers: the transform's walk sets them on its way down, which is cheaper.
    const tree = ts.createSourceFile(fileName, text, settings, false, SCRIPT_KINDS[language]);
    const diagnostics = (tree as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] })
      .parseDiagnostics;
    const syntaxErrors = (diagnostics ?? []).map((diagnostic) => ({
      start: diagnostic.start,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }));
    return { fileName, text, language, tree, syntaxErrors, jsDocOnDemand };
  },
};
