/** The stems of every name a rule can act on inside JSDoc: types, `Symbol.async…`, convention renames. */
const STEMS = /Async|async|Promise|Awaited/g;

/**
 * The words a JSDoc comment may hold that a rule reacts to and that the parser's identifier table lacks,
 * for a tree parsed without its JSDoc (whose identifiers are then missing from the table). They are taken
 * from the whole text around each stem, so strings and line comments add a few: the words only decide
 * which rules and names are worth walking for, never what is edited. `undefined` when there are none.
 *
 * @param source the file, for its text
 * @param extraNames names outside the stems that rename (a project's explicit `renames`)
 */
export function commentWords(
  identifiers: ReadonlyMap<string, string>,
  source: { readonly text: string },
  extraNames: Iterable<string>,
): ReadonlyMap<string, string> | undefined {
  let words: Map<string, string> | undefined;
  const add = (word: string): void => {
    if (identifiers.has(word) || words?.has(word)) return;
    words ??= new Map();
    words.set(word, word);
  };
  const text = source.text;
  for (const match of text.matchAll(STEMS)) {
    let start = match.index;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start -= 1;
    let end = match.index + match[0].length;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end += 1;
    add(end - start === match[0].length ? match[0] : text.slice(start, end));
  }
  for (const name of extraNames) if (text.includes(name)) add(name);
  return words;
}

/** `[A-Za-z0-9_$]`: whether a character continues an identifier (non-ASCII letters count as breaks). */
export function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36
  );
}
