// Does the twin typecheck as well as its source? One TypeScript program (checkJs for JavaScript, the
// library's own .d.ts files and @types/node for what they import) holds the async sources and their
// twins; a diagnostic code that the twins report more often than their sources is listed with its place
// in the twin. Renames change the names inside messages, so codes are compared, not texts.
import path from 'node:path';
import ts from 'typescript';

/**
 * @param {string[]} sources the async files (absolute)
 * @param {string[]} twins their twins (absolute)
 * @param {string} repoRoot for @types/node
 * @param {string} base paths in the result are relative to it
 */
export function typecheckTwins(sources, twins, repoRoot, base) {
  const options = {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
    maxNodeModuleJsDepth: 0,
    // Untyped JavaScript under `strict` is mostly implicit-any noise, the same in source and twin.
    strict: false,
  };
  const program = ts.createProgram([...sources, ...twins], options);
  const collect = (files) =>
    files.flatMap((file) => {
      const sourceFile = program.getSourceFile(file);
      if (!sourceFile) return [];
      return [
        ...program.getSyntacticDiagnostics(sourceFile),
        ...program.getSemanticDiagnostics(sourceFile),
      ].map((d) => {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0);
        return {
          file: path.relative(base, file),
          line: line + 1,
          column: character + 1,
          code: d.code,
          message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
        };
      });
    });
  const sourceDiagnostics = collect(sources);
  const twinDiagnostics = collect(twins);
  const count = (list) => list.reduce((m, d) => m.set(d.code, (m.get(d.code) ?? 0) + 1), new Map());
  const before = count(sourceDiagnostics);
  const after = count(twinDiagnostics);
  const newCodes = [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code]) => code);
  return {
    source: sourceDiagnostics.length,
    twin: twinDiagnostics.length,
    twinOnly: twinDiagnostics.filter((d) => newCodes.includes(d.code)),
  };
}
