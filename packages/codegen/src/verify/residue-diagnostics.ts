import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findAsyncResidue } from './find-async-residue.js';

/**
 * A twin that still holds `async`, `await`, `for await` or a promise type (from a range the author told
 * the generator to leave alone, or a construct no rule converted) is not a sync twin: each leftover is an
 * `async-residue` error, so `generate` never writes such a file (`check` already refused it).
 */
export function residueDiagnostics(twin: string, file: { source: string; target: string }): Diagnostic[] {
  return findAsyncResidue(twin, file.target).map((residue) => ({
    severity: 'error',
    rule: 'async-residue',
    message: `the twin would still contain \`${residue.text}\` (its line ${residue.line}, column ${residue.column}): it is not synchronous`,
    file: file.source,
    line: residue.line,
    column: residue.column,
    text: residue.text,
    frame: '',
    suggestion:
      'convert the code it comes from (a range left alone with `anysync-ignore` must already be sync), or keep it in an `if (IS_ASYNC)` branch',
  }));
}
