import ts from 'typescript';
import type { TwinSourceMap } from './twin-source-map.js';

/** A compiler error in a twin, with the span of the async source it maps back to. */
export interface NewTypeError {
  readonly diagnostic: ts.Diagnostic;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

/**
 * The syntax and type errors of a twin that its source does not have. An error counts as the source's
 * own when the source has one with the same code over the span the twin's error maps back to (a
 * message may differ: it names the twin's types). The source is only checked when the twin has errors,
 * which a correct twin does not.
 */
export function findNewTypeErrors(
  program: ts.Program,
  twin: ts.SourceFile,
  map: TwinSourceMap,
  sourceErrors: () => readonly ts.Diagnostic[],
): NewTypeError[] {
  const errors = compilerErrors(program, twin);
  if (errors.length === 0) return [];
  const inherited = sourceErrors();
  return errors.flatMap((diagnostic) => {
    const start = diagnostic.start ?? 0;
    const sourceStart = map.toSource(start);
    const sourceEnd = Math.max(sourceStart, map.toSourceEnd(start + (diagnostic.length ?? 0)));
    const own = inherited.some(
      (error) =>
        error.code === diagnostic.code &&
        (diagnostic.start === undefined ||
          (error.start !== undefined &&
            error.start <= sourceEnd &&
            sourceStart <= error.start + (error.length ?? 0))),
    );
    return own ? [] : [{ diagnostic, sourceStart, sourceEnd }];
  });
}

/** A file's syntax and semantic errors (not warnings or suggestions), as `tsc --noEmit` reports them. */
export function compilerErrors(program: ts.Program, file: ts.SourceFile): ts.Diagnostic[] {
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
}
