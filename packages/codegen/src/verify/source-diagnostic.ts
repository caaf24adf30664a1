import { codeFrame, lineNumberAt } from '../diagnostics/code-frame.js';
import type { Diagnostic, DiagnosticRule, Severity } from '../diagnostics/diagnostic.js';

/** A diagnostic about `[start, end)` of an async source, in the shape the generator's rules report. */
export function sourceDiagnostic(
  source: { readonly fileName: string; readonly text: string },
  finding: {
    readonly rule: DiagnosticRule;
    readonly severity: Severity;
    readonly start: number;
    readonly end: number;
    readonly message: string;
    readonly suggestion: string;
  },
): Diagnostic {
  const { text } = source;
  const start = Math.min(finding.start, text.length);
  const end = Math.max(start, Math.min(finding.end, text.length));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return {
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
    file: source.fileName,
    line: lineNumberAt(text, start),
    column: start - lineStart + 1,
    text: text.slice(start, Math.min(end, start + 200)),
    frame: codeFrame(text, start, Math.max(end, start + 1)),
    suggestion: finding.suggestion,
  };
}
