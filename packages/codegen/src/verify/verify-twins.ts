import path from 'node:path';
import type ts from 'typescript';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import type { SourceMap } from '../edits/source-map.js';
import { checkTwinInputs } from './check-twin-inputs.js';
import { findHeldPromises } from './held-promises.js';
import { heldPromiseDiagnostic, newTypeErrorDiagnostic } from './verification-messages.js';
import { compilerErrors, findNewTypeErrors } from './new-type-errors.js';
import { createTwinProgram } from './twin-program.js';
import { TwinSourceMap } from './twin-source-map.js';
import { type TypeScriptProject, TypeScriptProjects } from './typescript-project.js';

/** A generated twin, in memory, with what it was generated from. */
export interface TwinToVerify {
  /** The async source's path. */
  readonly source: string;
  /** The text the twin was generated from (the source map refers to it). */
  readonly sourceText: string;
  /** Where the twin is (or will be) written: imports between twins resolve from there. */
  readonly target: string;
  /** The twin's code as `transform()` returned it. */
  readonly code: string;
  /** The source map `transform()` returned with it; only a twin that is not reported may go without. */
  readonly map?: SourceMap;
  /**
   * Whether to report on this twin. `false` keeps it in the program only so that other twins' imports
   * of it resolve (a twin whose source has errors is never written, but its neighbours import it).
   * @default true
   */
  readonly report?: boolean;
}

/** Options of {@link verifyTwins}. */
export interface VerifyOptions {
  /**
   * The tsconfig.json to check every twin with, or `false` for the defaults (strict, `nodenext`,
   * JavaScript checked through JSDoc). By default each source's nearest tsconfig.json is used.
   */
  readonly tsconfig?: string | false;
  /** Where a relative `tsconfig` and the defaults' `@types` lookup start. @default process.cwd() */
  readonly cwd?: string;
  /** Per-rule severity for `twin-holds-promise` and `twin-type-error` (`'off'` skips that check). */
  readonly severity?: SeverityOverrides;
}

/** The outcome of {@link verifyTwins}. */
export interface VerifyReport {
  /** Findings at their place in the async sources, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The tsconfig.json of each program built (`undefined` for the defaults): one per TypeScript project. */
  readonly projects: readonly (string | undefined)[];
  /** How many twins were checked, and how many sources had to be checked too (their twin had errors). */
  readonly twinsChecked: number;
  readonly sourcesChecked: number;
  readonly milliseconds: number;
}

/**
 * Type-checks generated twins with the TypeScript checker and reports, at their place in the async
 * source, every spot where a twin holds a promise, thenable or async iterable where its source awaited
 * or iterated it (`twin-holds-promise`: `await`, `for await`, and the implicit awaits of `return` in an
 * async function, an async arrow's body and `yield` in an async generator), and every type error a twin
 * has that its source does not (`twin-type-error`).
 *
 * Each source's nearest tsconfig.json sets the options (`noEmit` forced); one program per project holds
 * the sources, the twins at their output paths (in memory, so imports between twins resolve) and the
 * project's other files. Only the twins are checked, and a source only when its twin has errors.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { formatDiagnostic, transform, verifyTwins } from '@anysync/codegen';
 *
 * const source = 'src/_async/read.ts';
 * const sourceText = readFileSync(source, 'utf8');
 * const { code, map } = transform(sourceText, { fileName: source, outFileName: 'src/_sync/read.ts' });
 * const report = verifyTwins([{ source, sourceText, target: 'src/_sync/read.ts', code, map: map! }]);
 * for (const diagnostic of report.diagnostics) console.error(formatDiagnostic(diagnostic));
 * // e.g. src/_async/read.ts:4:17 error[twin-holds-promise]: the twin holds `Promise<string>` where …
 * ```
 */
export function verifyTwins(twins: readonly TwinToVerify[], options: VerifyOptions = {}): VerifyReport {
  const started = performance.now();
  checkTwinInputs(twins, options);
  const severity = options.severity ?? {};
  const held = severity['twin-holds-promise'] ?? 'error';
  const typeErrors = severity['twin-type-error'] ?? 'error';
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const groups = groupByProject(twins, new TypeScriptProjects(cwd, options.tsconfig));
  const diagnostics: Diagnostic[] = [];
  let twinsChecked = 0;
  let sourcesChecked = 0;
  if (held !== 'off' || typeErrors !== 'off') {
    for (const [project, members] of groups) {
      const { program, checker } = createTwinProgram(project, members);
      for (const twin of members) {
        if (twin.report === false) continue;
        twinsChecked += 1;
        const found = verifyTwin(program, checker, twin, { held, typeErrors, cwd });
        if (found.sourceChecked) sourcesChecked += 1;
        diagnostics.push(...found.diagnostics);
      }
    }
  }
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return {
    diagnostics,
    projects: [...groups.keys()].map((project) => project.configFile),
    twinsChecked,
    sourcesChecked,
    milliseconds: performance.now() - started,
  };
}

/** The findings about one twin, and whether its source had to be checked too. */
function verifyTwin(
  program: ts.Program,
  checker: ts.TypeChecker,
  twin: TwinToVerify,
  settings: { held: Severity | 'off'; typeErrors: Severity | 'off'; cwd: string },
): { diagnostics: Diagnostic[]; sourceChecked: boolean } {
  const twinFile = program.getSourceFile(path.resolve(twin.target)) as ts.SourceFile;
  const sourceFile = program.getSourceFile(path.resolve(twin.source)) as ts.SourceFile;
  const map = new TwinSourceMap(twin.sourceText, twin.code, twin.map as SourceMap);
  const source = { fileName: twin.source, text: twin.sourceText };
  const { held, typeErrors, cwd } = settings;
  const found: Diagnostic[] = [];
  if (held !== 'off') {
    for (const finding of findHeldPromises(checker, sourceFile, twinFile, map))
      found.push(heldPromiseDiagnostic(source, finding, held));
  }
  let sourceChecked = false;
  if (typeErrors !== 'off') {
    const sourceErrors = () => {
      sourceChecked = true;
      return compilerErrors(program, sourceFile);
    };
    const heldLines = new Set(found.map((d) => d.line));
    for (const error of findNewTypeErrors(program, twinFile, map, sourceErrors)) {
      const diagnostic = newTypeErrorDiagnostic(source, twin.target, cwd, error, typeErrors);
      // The promise already explains a type error on its line (`.trim()` of a Promise).
      if (!heldLines.has(diagnostic.line)) found.push(diagnostic);
    }
  }
  return { diagnostics: found, sourceChecked };
}

function groupByProject(
  twins: readonly TwinToVerify[],
  projects: TypeScriptProjects,
): Map<TypeScriptProject, TwinToVerify[]> {
  const groups = new Map<TypeScriptProject, TwinToVerify[]>();
  for (const twin of twins) {
    const project = projects.projectFor(path.resolve(twin.source));
    const group = groups.get(project);
    if (group) group.push(twin);
    else groups.set(project, [twin]);
  }
  return groups;
}
