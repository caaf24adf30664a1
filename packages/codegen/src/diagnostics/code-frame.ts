/**
 * The lines of `text` covering `[start, end)` with a gutter of line numbers and carets under the span,
 * the way compilers show where an error is.
 */
export function codeFrame(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const firstLineEnd = lineEndAt(text, start);
  const lastLineEnd = lineEndAt(text, Math.max(start, end - 1));
  const lines = text.slice(lineStart, lastLineEnd).split('\n').slice(0, 3);
  const firstNumber = lineNumberAt(text, start);
  const width = String(firstNumber + lines.length - 1).length;
  const out: string[] = [];
  for (const [index, line] of lines.entries()) {
    out.push(`${String(firstNumber + index).padStart(width)} | ${line}`);
    if (index === 0) {
      const column = start - lineStart;
      const caretEnd = Math.min(end, firstLineEnd);
      const carets = '^'.repeat(Math.max(1, caretEnd - start));
      out.push(`${' '.repeat(width)} | ${line.slice(0, column).replace(/[^\t]/g, ' ')}${carets}`);
    }
  }
  return out.join('\n');
}

function lineEndAt(text: string, position: number): number {
  const end = text.indexOf('\n', position);
  return end === -1 ? text.length : end;
}

/** The 1-based line of an offset. */
export function lineNumberAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
