import path from 'node:path';
import ts from 'typescript';

const LIBRARY_DIRECTORY = path.dirname(ts.getDefaultLibFilePath({}));
// TypeScript's own lib files never change while the process runs: every program of the process shares them.
const libraryFiles = new Map<string, ts.SourceFile>();

/**
 * Parsed files on disk shared by the programs of one verification (one per TypeScript project), so that
 * a declaration file several projects use is parsed once; TypeScript's lib files are kept for the whole
 * process. A file is shared only between programs that parse it the same way.
 */
export class SourceFileCache {
  readonly #files = new Map<string, ts.SourceFile>();

  get(
    fileName: string,
    languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions,
    options: ts.CompilerOptions,
    read: () => ts.SourceFile | undefined,
  ): ts.SourceFile | undefined {
    const store = path.dirname(fileName) === LIBRARY_DIRECTORY ? libraryFiles : this.#files;
    const key = `${fileName}\0${parseKey(languageVersionOrOptions, options)}`;
    const cached = store.get(key);
    if (cached) return cached;
    const file = read();
    if (file) store.set(key, file);
    return file;
  }
}

/** What decides how a file parses and binds, besides its text. */
function parseKey(
  languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions,
  options: ts.CompilerOptions,
): string {
  const parse =
    typeof languageVersionOrOptions === 'number'
      ? { languageVersion: languageVersionOrOptions }
      : languageVersionOrOptions;
  return JSON.stringify([
    parse.languageVersion,
    parse.impliedNodeFormat,
    parse.jsDocParsingMode,
    options.moduleDetection,
    options.jsx,
    options.strict,
    options.alwaysStrict,
    options.allowUnreachableCode,
    options.allowUnusedLabels,
    options.target,
  ]);
}
