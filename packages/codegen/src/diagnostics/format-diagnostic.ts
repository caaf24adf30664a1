import type { Diagnostic } from './diagnostic.js';

/**
 * A diagnostic as printed by the CLI: `file:line:col severity[rule]: message`, the code frame, and the
 * suggested fix. The first line is the form editors and CI annotators recognise.
 *
 * @example
 * ```ts
 * import { formatDiagnostic, transform } from '@anysync/codegen';
 *
 * const { diagnostics } = transform('export const f = async () => fetch("x");\n', { fileName: 'a.ts' });
 * for (const diagnostic of diagnostics) console.error(formatDiagnostic(diagnostic));
 * // a.ts:1:30 error[no-sync-meaning]: `fetch` performs network I/O through the event loop …
 * ```
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const head = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity}[${diagnostic.rule}]: ${diagnostic.message}`;
  const frame = (diagnostic.frame === '' ? [] : diagnostic.frame.split('\n'))
    .map((line) => `    ${line}`)
    .join('\n');
  const help = diagnostic.suggestion ? `\n    help: ${diagnostic.suggestion}` : '';
  return frame === '' ? `${head}${help}` : `${head}\n${frame}${help}`;
}
