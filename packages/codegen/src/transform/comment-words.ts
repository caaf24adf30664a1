/** The stems of every name a rule can act on inside JSDoc: types, `Symbol.async…`, convention renames. */
const STEMS = ['Async', 'async', 'Promise', 'Awaited'];

/**
 * The parser's identifier table plus the words a JSDoc comment may hold that a rule reacts to, for a
 * tree parsed without its JSDoc (whose identifiers are then missing from the table). The words are taken
 * from the whole text around each stem, so strings and line comments add a few: the table only decides
 * which rules and names are worth walking for, never what is edited.
 *
 * @param source the file's text, with its remembered word search
 * @param extraNames names outside the stems that rename (a project's explicit `renames`)
 */
export function withCommentWords(
  identifiers: ReadonlyMap<string, string>,
  source: { readonly text: string; occurrencesOf(word: string): readonly number[] },
  extraNames: Iterable<string>,
): ReadonlyMap<string, string> {
  const text = source.text;
  let table: Map<string, string> | undefined;
  const add = (word: string): void => {
    if (identifiers.has(word) || table?.has(word)) return;
    table ??= new Map(identifiers);
    table.set(word, word);
  };
  for (const stem of STEMS) {
    for (const at of source.occurrencesOf(stem)) {
      let start = at;
      while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start -= 1;
      let end = at + stem.length;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end += 1;
      add(text.slice(start, end));
    }
  }
  for (const name of extraNames) if (text.includes(name)) add(name);
  return table ?? identifiers;
}

/** `[A-Za-z0-9_$]`. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36
  );
}
