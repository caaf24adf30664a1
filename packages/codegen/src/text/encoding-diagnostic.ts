import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Utf8Error } from './decode-utf8.js';

/**
 * The error for a source that is not UTF-8, at the first malformed byte. Decoding it anyway would put
 * U+FFFD in place of the bytes, and the twin would be written with them: the original text lost.
 */
export function encodingDiagnostic(file: string, error: Utf8Error): Diagnostic {
  const before = error.before.charCodeAt(0) === 0xfeff ? error.before.slice(1) : error.before;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = before.slice(0, lineStart).split(/\r\n?|\n/).length;
  const shown = before.slice(lineStart);
  const gutter = ' '.repeat(String(line).length);
  return {
    severity: 'error',
    rule: 'encoding',
    message: `not valid UTF-8 at byte offset ${error.offset}: ${error.reason}; the file is refused rather than read with replacement characters`,
    file,
    line,
    column: shown.length + 1,
    text: '',
    frame: `${line} | ${shown}�\n${gutter} | ${shown.replace(/[^\t]/g, ' ')}^`,
    suggestion:
      'save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); anysync reads and writes UTF-8 only',
  };
}
