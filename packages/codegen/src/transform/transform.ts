import path from 'node:path';
import type { MappingOptions } from '../config/mapping-options.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame, lineNumberAt } from '../diagnostics/code-frame.js';
import { buildSourceMap, type SourceMap } from '../edits/source-map.js';
import { defaultMappings } from '../mappings/default-mappings.js';
import { MappingTable } from '../mappings/mapping-table.js';
import { NameConvention } from '../names/name-convention.js';
import type { ParsedSource, ParseOptions } from '../parser/parser.js';
import { typescriptParser } from '../parser/typescript-parser.js';
import { RULES } from '../rules/index.js';
import { removeStatementLines } from '../rules/statement-removal.js';
import { findDirectives } from './directives.js';
import { statementNeedles, textNeedles } from './may-change.js';
import { findNeedleHits } from './needle-hits.js';
import { PartialSource } from './partial-source.js';
import { insertNeededImports } from './needed-imports.js';
import { mapPath } from './path-rule.js';
import { TransformContext } from './transform-context.js';
import type { TransformOptions } from './transform-options.js';
import { runTopLevelRules } from './top-level-pass.js';
import { createWalker } from './walk.js';
import { decodeUtf8 } from '../text/decode-utf8.js';
import { encodingDiagnostic } from '../text/encoding-diagnostic.js';
import { TextForm } from '../text/text-form.js';

/** The result of converting one file. */
export interface TransformResult {
  /** The sync twin (also when there are errors, for inspection; the CLI never writes such a file). */
  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Source map from the twin back to the async source; absent when `sourceMap: false`. */
  readonly map: SourceMap | undefined;
  /** Whether any diagnostic is an error. */
  readonly hasErrors: boolean;
}

/**
 * Converts one async source file into its sync twin by editing the original text: every byte outside an
 * edit — comments, blank lines, formatting — is kept.
 *
 * A file in which none of the words the rules act on occurs (`async`, `await`, `Promise`, `then`, a
 * mapped module, …) cannot change, so it is returned as it is without a parse — and so without a syntax
 * check: its twin is byte-identical and the compiler reports the same errors in both. Of a file that can
 * change, only the top-level statements holding such a word are parsed, when nothing the rules look up
 * lies in the others; the others are copied as they are.
 *
 * The twin keeps the source's byte order mark and line ending (lines a rule adds end the same way).
 * Given bytes, `transform` decodes them as strict UTF-8: a malformed byte is an `encoding` error naming
 * the file and the position, never a U+FFFD written into the twin.
 *
 * @example
 * ```ts
 * import { transform } from '@anysync/codegen';
 *
 * const { code, diagnostics } = transform(
 *   'export async function load(): Promise<string> {\n  return await readFile("a.txt", "utf8");\n}\n' +
 *     'import { readFile } from "node:fs/promises";\n',
 *   { fileName: 'src/_async/load.ts' },
 * );
 * // code: 'export function load(): string {\n  return readFileSync("a.txt", "utf8");\n}\n' +
 * //       'import { readFileSync } from "node:fs";\n'
 * console.log(code, diagnostics.length); // …, 0
 * ```
 */
export function transform(code: string | Uint8Array, options: TransformOptions): TransformResult {
  let text: string;
  if (typeof code === 'string') text = code;
  else if (code instanceof Uint8Array) {
    const decoded = decodeUtf8(code);
    if ('error' in decoded) {
      const diagnostic = encodingDiagnostic(options.fileName, decoded.error);
      return { code: '', diagnostics: [diagnostic], map: undefined, hasErrors: true };
    }
    text = decoded.text;
  } else {
    throw new TypeError(`transform(code): expected a string or a Uint8Array of UTF-8, got ${typeof code}`);
  }
  // Rules see the plain form (no byte order mark, `\n` line breaks); the twin gets the source's back.
  if (text.charCodeAt(0) !== 0xfeff && !text.includes('\r')) return transformText(text, options);
  const { form, body } = TextForm.of(text);
  const result = transformText(body, options);
  return { ...result, code: form.restore(result.code) };
}

function transformText(code: string, options: TransformOptions): TransformResult {
  const names = NameConvention.for(options.names);
  const mappings =
    options.mappings instanceof MappingTable
      ? options.mappings
      : mappingTableFor(options, options.runtimeModule ?? 'anysync/runtime');
  const needles = textNeedles(options, names, mappings);
  if (needles !== undefined && !needles.test(code)) {
    const fileName = path.resolve(options.fileName);
    const map = options.sourceMap === false ? undefined : sourceMapOf(code, [], fileName, fileName);
    return { code, diagnostics: [], map, hasErrors: false };
  }
  const statements = statementNeedles(options, names, mappings);
  if (statements !== undefined) {
    const result = transformInPart(code, { ...options, mappings }, statements);
    if (result !== undefined) return result;
  }
  const parsed = typescriptParser.parse(options.fileName, code, parseOptionsFor(code));
  return transformParsed(parsed, { ...options, mappings });
}

/**
 * Parses only the top-level statements that hold, in code or JSDoc, a word some rule acts on (a sixth
 * of `effect`'s text), and transforms the file from that tree when nothing the rules looked up lies in
 * a skipped statement. `undefined` when the file must be parsed whole: its module format is not fixed by
 * its extension (`.js`, whose `import`s decide), it has JSX or directive comments, the cut statements do
 * not parse alone, or a skipped statement uses a name the rules cared about. Like the whole-file text
 * check, a skipped statement gets no syntax check: it is copied into the twin as it is.
 */
export function transformInPart(
  code: string,
  options: TransformOptions,
  needles: RegExp,
): TransformResult | undefined {
  if (!PARTIAL_EXTENSIONS.test(options.fileName)) return undefined;
  // Directive comments act on the statements around them, and are found through the whole tree.
  if (parseOptionsFor(code).jsDoc !== 'on-demand') return undefined;
  const partial = PartialSource.plan(code, needles);
  if (partial === undefined) return undefined;
  const parsed = typescriptParser.parse(options.fileName, partial.text, { jsDoc: 'on-demand' });
  if (parsed.syntaxErrors.length > 0 || !partial.matches(parsed.tree)) return undefined;
  return transformTree({ ...parsed, text: code }, options, partial);
}

/** Extensions whose module format does not depend on the file's content, and that hold no JSX. */
const PARTIAL_EXTENSIONS = /\.(?:[cm]?ts|[cm]js)$/i;

/** {@link transform} for a file already parsed (the generator parses each file once for facts and edits). */
export function transformParsed(source: ParsedSource, options: TransformOptions): TransformResult {
  return transformTree(source, options) as TransformResult;
}

/**
 * The transform proper. With `partial`, the tree lacks the skipped statements, and the result is
 * `undefined` as soon as something the rules need lies in one of them.
 */
function transformTree(
  source: ParsedSource,
  options: TransformOptions,
  partial?: PartialSource,
): TransformResult | undefined {
  const syntaxErrors = source.syntaxErrors.map((error) =>
    syntaxDiagnostic(source, error.start, error.message),
  );
  if (syntaxErrors.length > 0) {
    return { code: source.text, diagnostics: syntaxErrors, map: undefined, hasErrors: true };
  }
  const names = NameConvention.for(options.names);
  const runtimeModule = options.runtimeModule ?? 'anysync/runtime';
  const mappings =
    options.mappings instanceof MappingTable ? options.mappings : mappingTableFor(options, runtimeModule);
  const pathRules = options.pathRules ?? [];
  const fileName = path.resolve(source.fileName);
  const outFileName = options.outFileName ?? mapPath(fileName, pathRules) ?? fileName;
  const directives = findDirectives(source.tree);
  const context = new TransformContext({
    source,
    outFileName,
    names,
    mappings,
    project: options.project,
    pathRules,
    marker: options.isAsyncMarker ?? 'IS_ASYNC',
    runtimeModule,
    severity: options.severity ?? {},
    ignored: [
      ...directives.ignored,
      ...directives.skipped.map((node) => [node.getFullStart(), node.end] as const),
    ],
  });
  for (const problem of directives.problems) context.report('marker', problem, problem.message);
  for (const [start, end] of directives.ignored)
    context.edits.replaceRegion(start, end, source.text.slice(start, end));
  for (const node of directives.skipped) removeStatementLines(node, context);
  runTopLevelRules(source.tree, context);
  const needed = RULES.filter((rule) => rule.phase === undefined && (rule.isNeeded?.(context) ?? true));
  if (needed.length > 0) {
    const hits = findNeedleHits(needed, context);
    if (partial?.holdsSkipped(hits)) return undefined;
    createWalker(needed, context, hits).walk(source.tree);
  }
  for (const finish of context.finishers) finish();
  // Innermost first: the walk meets an outer region before the regions inside it, whose text it renders.
  for (const finish of [...context.lateFinishers].reverse()) finish();
  insertNeededImports(context);
  if (partial?.mayDeclareAny(source.text, context.resolvedNames)) return undefined;
  const output = context.edits.render();
  const map =
    options.sourceMap === false
      ? undefined
      : sourceMapOf(source.text, context.edits.resolved(), fileName, outFileName);
  const diagnostics = context.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { code: output, diagnostics, map, hasErrors: diagnostics.some((d) => d.severity === 'error') };
}

function sourceMapOf(
  text: string,
  edits: Parameters<typeof buildSourceMap>[1],
  fileName: string,
  outFileName: string,
): SourceMap {
  return buildSourceMap(text, edits, {
    file: path.basename(outFileName),
    source: path.relative(path.dirname(outFileName), fileName).split(path.sep).join('/'),
  });
}

/**
 * JSDoc is parsed on demand, except in a file with directive comments (`@anysync-skip` is found through
 * the JSDoc attached to the tree).
 */
export function parseOptionsFor(code: string): ParseOptions {
  return { jsDoc: code.includes('anysync-') ? 'with-tree' : 'on-demand' };
}

const defaultTables = new Map<string, MappingTable>();

/** The shipped table alone is shared between calls (it has no project entries whose use is tracked). */
function mappingTableFor(options: TransformOptions, runtimeModule: string): MappingTable {
  if (options.mappings !== undefined) {
    return new MappingTable(defaultMappings(runtimeModule), options.mappings as MappingOptions);
  }
  let table = defaultTables.get(runtimeModule);
  if (!table) {
    table = new MappingTable(defaultMappings(runtimeModule));
    defaultTables.set(runtimeModule, table);
  }
  return table;
}

function syntaxDiagnostic(source: ParsedSource, start: number, message: string): Diagnostic {
  const lineStart = source.text.lastIndexOf('\n', start - 1) + 1;
  return {
    severity: 'error',
    rule: 'syntax-error',
    message: `syntax error: ${message}`,
    file: source.fileName,
    line: lineNumberAt(source.text, start),
    column: start - lineStart + 1,
    text: source.text.slice(start, start + 40),
    frame: codeFrame(source.text, start, start + 1),
    suggestion: 'fix the syntax error; the twin is generated from valid code only',
  };
}
