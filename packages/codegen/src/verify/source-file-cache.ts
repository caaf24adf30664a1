import ts from 'typescript';

/** A parsed file from disk and the text it was parsed from. */
interface CachedFile {
  readonly text: string;
  readonly file: ts.SourceFile;
}

// Shared by every program the process builds: the lib files, `@types` and the other declaration files
// of a project are the same from one verification (or test, or watch pass) to the next.
const parsed = new Map<string, CachedFile>();
// A long-lived process that verifies many projects starts over rather than keeping every file it saw.
const MAX_FILES = 20_000;

/**
 * The parsed file for `fileName`, reused while its text is unchanged and it is parsed the same way (as
 * the language service's document registry does), so that one program per project costs only the
 * files nobody parsed before.
 */
export function cachedSourceFile(
  fileName: string,
  text: string,
  languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions,
  options: ts.CompilerOptions,
): ts.SourceFile {
  const key = `${fileName}\0${parseKey(languageVersionOrOptions, options)}`;
  const cached = parsed.get(key);
  if (cached?.text === text) return cached.file;
  const file = ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
  if (parsed.size >= MAX_FILES) parsed.clear();
  parsed.set(key, { text, file });
  return file;
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
    options.module,
  ]);
}
