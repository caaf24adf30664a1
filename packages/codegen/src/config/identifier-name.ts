import ts from 'typescript';

/** Words that cannot name a binding in a module (ES reserved words, strict-mode ones and `await`). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await'
  ).split(' '),
);

/** Whether a string is an IdentifierName: what may follow a `.` (`delete` included). */
export function isIdentifierName(text: string): boolean {
  let first = true;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const fits = first
      ? ts.isIdentifierStart(code, ts.ScriptTarget.Latest)
      : ts.isIdentifierPart(code, ts.ScriptTarget.Latest);
    if (!fits) return false;
    first = false;
  }
  return !first;
}

/** Whether a string can name a binding in an ES module (an IdentifierName that is not reserved). */
export function isBindingName(text: string): boolean {
  return isIdentifierName(text) && !RESERVED.has(text);
}

/** The reserved words, for the JSON Schema test. */
export const RESERVED_WORDS: ReadonlySet<string> = RESERVED;
