import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../edits/source-map.js';
import { defaultMappings } from '../mappings/default-mappings.js';
import { MappingTable } from '../mappings/mapping-table.js';
import { NameConvention } from '../names/name-convention.js';
import type { ParsedSource } from '../parser/parser.js';
import { typescriptParser } from '../parser/typescript-parser.js';
import { collectFileFacts, type CollectedFacts } from '../project/collect-file-facts.js';
import type { ProjectFacts } from '../project/project-facts.js';
import { parseOptionsFor, transformParsed } from '../transform/transform.js';
import { TextForm } from '../text/text-form.js';
import { checkExportParity } from '../verify/export-parity.js';
import { residueDiagnostics } from '../verify/residue-diagnostics.js';
import { withBanner } from './banner.js';
import { type PlannedFile, planFiles } from './plan-files.js';
import { readSource } from './read-source.js';

/** One planned twin, converted in memory. */
export interface ConvertedFile extends PlannedFile {
  /** The full text to write (banner included), or `undefined` when the source has errors. */
  readonly output: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The text the twin was generated from, in the plain form its source map points into (no byte order mark, `\n` only). */
  readonly sourceText: string;
  /** The source file's text as it is on disk. */
  readonly originalText: string;
  /** The twin's code without the banner (also when the source has errors, for inspection). */
  readonly code: string;
  /** The twin's source map, when the run was asked for maps. */
  readonly map: SourceMap | undefined;
}

/** The in-memory result of converting a whole project; `generate` writes it, `check` compares it. */
export interface ProjectRun {
  readonly config: ResolvedConfig;
  readonly files: readonly ConvertedFile[];
  /** The project's own mapping entries that never changed any output. */
  readonly unusedMappings: readonly string[];
}

/**
 * Reads and parses every source once, gathers the cross-file facts (which names are declared where,
 * which functions are async), then converts each file against them.
 */
export function runProject(config: ResolvedConfig, options: { sourceMaps?: boolean } = {}): ProjectRun {
  const planned = planFiles(config);
  const names = new NameConvention(config.names);
  const runtimeModule = config.runtimeModule ?? 'anysync/runtime';
  const mappings = new MappingTable(defaultMappings(runtimeModule), config.mappings ?? {}, config.root);
  const sources = planned.map((file) => {
    const read = readSource(file.source);
    if ('diagnostic' in read) return read;
    // Rules see the plain form (no byte order mark, `\n` line breaks); the twin gets the source's back.
    const { form, body } = TextForm.of(read.text);
    return {
      text: read.text,
      form,
      parsed: typescriptParser.parse(file.source, body, parseOptionsFor(body)),
    };
  });
  const project = projectFacts(
    sources.flatMap((source) => ('parsed' in source ? [source.parsed] : [])),
    names,
  );
  const files = planned.map((file, index): ConvertedFile => {
    const source = sources[index] as (typeof sources)[number];
    if ('diagnostic' in source) {
      const unread = { sourceText: '', originalText: '', code: '', map: undefined };
      return { ...file, ...unread, output: undefined, diagnostics: [source.diagnostic] };
    }
    const result = transformParsed(source.parsed, {
      fileName: file.source,
      outFileName: file.target,
      pathRules: config.rules,
      names: config.names ?? {},
      mappings,
      project,
      runtimeModule,
      severity: config.severity ?? {},
      sourceMap: options.sourceMaps ?? false,
      ...(config.isAsyncMarker === undefined ? {} : { isAsyncMarker: config.isAsyncMarker }),
    });
    const relativeSource = path.relative(config.root, file.source).split(path.sep).join('/');
    // Both in the plain form, like every other diagnostic's position.
    const parity = result.hasErrors
      ? []
      : [
          ...checkExportParity(source.parsed.text, result.code, file.source, names),
          ...residueDiagnostics(result.code, file),
        ];
    const diagnostics = [...result.diagnostics, ...parity];
    const failed = result.hasErrors || parity.length > 0;
    const output = failed
      ? undefined
      : withBanner(source.form.restore(result.code), relativeSource, source.text, source.form.newline);
    // The verification reads the plain forms: the twin's source map points into the plain source.
    return {
      ...file,
      output,
      diagnostics,
      sourceText: source.parsed.text,
      originalText: source.text,
      code: result.code,
      map: result.map,
    };
  });
  return { config, files, unusedMappings: mappings.unusedUserEntries() };
}

function projectFacts(sources: readonly ParsedSource[], names: NameConvention): ProjectFacts {
  const files = new Map<string, CollectedFacts>();
  const memberRenames = new Map<string, string>();
  for (const source of sources) {
    const facts = collectFileFacts(source.tree, names);
    files.set(
      path
        .resolve(source.fileName)
        .replace(/\.(?:[cm]?[jt]sx?)$/, '')
        .replace(/\.d$/, ''),
      facts,
    );
    for (const [from, to] of facts.memberRenames) memberRenames.set(from, to);
  }
  return { files, memberRenames };
}
