import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from '../text/decode-utf8.js';
import { encodingDiagnostic } from '../text/encoding-diagnostic.js';
import { fsFailureReason } from './fs-failure-reason.js';

/** A source file's text, or why it cannot be converted (it cannot be read, or it is not UTF-8). */
export type SourceRead = { readonly text: string } | { readonly diagnostic: Diagnostic };

/** Reads a source as strict UTF-8; a read failure or a malformed byte is a diagnostic naming the file. */
export function readSource(file: string): SourceRead {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return {
      diagnostic: {
        severity: 'error',
        rule: 'unreadable',
        message: `cannot read the source: ${fsFailureReason(error)}`,
        file,
        line: 1,
        column: 1,
        text: '',
        frame: '',
      },
    };
  }
  const decoded = decodeUtf8(bytes);
  return 'error' in decoded ? { diagnostic: encodingDiagnostic(file, decoded.error) } : decoded;
}
