/** A module's text cut into runs of whole top-level statements, and where its comments are. */
export interface TopLevelRegions {
  /**
   * Flat triples `[start, end, keyword]`: `start` is the previous run's `end` (so a run's leading comments
   * are its own, as a parser attaches them), `end` is where its last token ends, and `keyword` is where
   * its first declaration keyword starts (-1 for the first run). The text after the last `end` is
   * trailing trivia.
   */
  readonly regions: Int32Array;
  /** Flat triples `[start, end, isJsDoc]` of every comment, in order (`isJsDoc`: opens with two asterisks). */
  readonly comments: Int32Array;
}

/**
 * Cuts a module's text, without parsing it, into runs of whole top-level statements.
 *
 * A cut is only made where the statement before must have ended: a line that starts, in column 0 and
 * outside every bracket and template, with a declaration keyword (`export`, `import …`, `const`, `class`,
 * `function`, `async function`, `interface`, `type`, `declare`, `namespace`, `enum`, `abstract`, a
 * decorator) after a token
 * that ends an operand (so the keyword cannot continue an expression; ASI splits there). Only a lexer's
 * work is done: strings, templates, comments and regular expressions are skipped, brackets counted.
 *
 * `undefined` when the text does not lex cleanly (an unterminated literal or comment, unbalanced
 * brackets): the caller then parses the whole file, as it does when a run turns out not to parse alone.
 */
export function topLevelRegions(text: string): TopLevelRegions | undefined {
  return new RegionLexer(text).run();
}

/** What the last significant token was, as far as a cut or a `/` after it cares. */
enum Last {
  None,
  /** A literal, a name, `]`, `>`: an operand may end here, and a `/` after it divides. */
  Operand,
  /** `)`: an operand may end here, or an `if (…)` whose body follows. */
  CloseParen,
  /** `}` and `;`: a statement may end here; a `/` after them starts a regular expression. */
  StatementEnd,
  /** `.` and `?.`: the next word is a property name. */
  Dot,
  /** A word not yet looked at: an operand's end, unless it is one of {@link CONTINUING_WORDS}. */
  Word,
  /** Anything else, and keywords after which an operand or a declaration must follow. */
  Other,
}

/**
 * Keywords after which the statement goes on: operators (a `/` after them starts a regular expression)
 * and modifiers (`export` then a line break then `const` is one statement).
 */
const CONTINUING_WORDS = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
  'implements',
  'keyof',
  'as',
  'satisfies',
  'is',
  'infer',
  'readonly',
  'unique',
  'export',
  'default',
  'declare',
  'abstract',
  'async',
  'const',
  'let',
  'var',
  'type',
  'interface',
  'class',
  'function',
  'enum',
  'namespace',
  'module',
  'import',
  'from',
]);

/** Keywords that, first on a line after an operand's end, begin a declaration: a new statement. */
const DECLARATION_WORDS = new Set([
  'export',
  'import',
  'const',
  'function',
  'class',
  'interface',
  'type',
  'declare',
  'namespace',
  'enum',
  'abstract',
]);

class RegionLexer {
  readonly #text: string;
  /** Triples `[start, end, keyword]` of the regions closed so far. */
  readonly #regions: number[] = [];
  readonly #comments: number[] = [];
  /** Open brackets: 0 for `(`, `[`, `{`; 1 for a template's `${`. */
  readonly #open: number[] = [];
  #last = Last.None;
  #lastWordStart = 0;
  #lastEnd = 0;
  #regionStart = 0;
  #regionKeyword = -1;
  /** A decorator was seen: the declaration keyword that follows belongs to its statement. */
  #decorating = false;

  constructor(text: string) {
    this.#text = text;
  }

  run(): TopLevelRegions | undefined {
    const text = this.#text;
    const length = text.length;
    let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) i += 1;
      else if (c === 47) i = this.#slash(i);
      else if (c === 39 || c === 34) i = this.#token(skipString(text, i, c), Last.Operand);
      else if (c === 96) i = this.#token(this.#template(i + 1), Last.Operand);
      else if (isWordPart(c) || c === 35) i = this.#word(i);
      else i = this.#punctuator(i, c);
      if (i < 0) return undefined;
    }
    if (this.#open.length > 0) return undefined;
    this.#regions.push(this.#regionStart, this.#lastEnd, this.#regionKeyword);
    return { regions: Int32Array.from(this.#regions), comments: Int32Array.from(this.#comments) };
  }

  #token(end: number, kind: Last): number {
    if (end < 0) return end;
    this.#last = kind;
    this.#lastEnd = end;
    return end;
  }

  #slash(i: number): number {
    const text = this.#text;
    const next = text.charCodeAt(i + 1);
    if (next === 47) {
      const end = lineEnd(text, i);
      this.#comments.push(i, end, 0);
      return end;
    }
    if (next === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      const isJsDoc = text.charCodeAt(i + 2) === 42 && close > i + 2 ? 1 : 0;
      this.#comments.push(i, close + 2, isJsDoc);
      return close + 2;
    }
    if (this.#lastKind() !== Last.Operand && this.#last !== Last.CloseParen) {
      return this.#token(skipRegex(text, i), Last.Operand);
    }
    return this.#token(next === 61 ? i + 2 : i + 1, Last.Other);
  }

  /** Scans template text from `i` to its closing backtick, or into a `${` substitution. */
  #template(i: number): number {
    const text = this.#text;
    for (let j = i; j < text.length; j += 1) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 1;
      else if (c === 96) return j + 1;
      else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        this.#open.push(1);
        return j + 2;
      }
    }
    return -1;
  }

  #word(i: number): number {
    const text = this.#text;
    let end = i + 1;
    while (end < text.length && isWordPart(text.charCodeAt(end))) end += 1;
    if (this.#last === Last.Dot) return this.#token(end, Last.Operand);
    // Most words are names: they are only read when a cut or a slash needs to know what they are.
    if (this.#open.length === 0 && text.charCodeAt(i - 1) === 10) {
      const word = text.slice(i, end);
      if (DECLARATION_WORDS.has(word) || (word === 'async' && startsFunction(text, end))) {
        this.#maybeCut(i, end, word);
      }
    }
    this.#lastWordStart = i;
    return this.#token(end, Last.Word);
  }

  /** What the last token was, with a word classified. */
  #lastKind(): Last {
    if (this.#last !== Last.Word) return this.#last;
    const word = this.#text.slice(this.#lastWordStart, this.#lastEnd);
    return CONTINUING_WORDS.has(word) ? Last.Other : Last.Operand;
  }

  /** Starts a new region at a declaration keyword (or decorator) that must begin a statement. */
  #maybeCut(keyword: number, end: number, word: string): void {
    const text = this.#text;
    if (this.#decorating) {
      this.#decorating = false;
      return;
    }
    if (text.charCodeAt(keyword - 1) !== 10 || this.#lastEnd === 0) return;
    const last = this.#lastKind();
    const ended =
      last === Last.Operand ||
      last === Last.StatementEnd ||
      // `if (x)\nfunction f() {}` is a sloppy-mode statement body, not a new statement.
      (last === Last.CloseParen && word !== 'function');
    if (!ended) return;
    if (word === 'import') {
      const after = text.charCodeAt(skipSpaces(text, end));
      if (after === 40 || after === 46) return;
    }
    this.#regions.push(this.#regionStart, this.#lastEnd, this.#regionKeyword);
    this.#regionStart = this.#lastEnd;
    this.#regionKeyword = keyword;
  }

  #punctuator(i: number, c: number): number {
    const text = this.#text;
    switch (c) {
      case 40:
      case 91:
      case 123:
        this.#open.push(0);
        return this.#token(i + 1, Last.Other);
      case 41:
      case 93:
        if (this.#open.pop() !== 0) return -1;
        return this.#token(i + 1, c === 41 ? Last.CloseParen : Last.Operand);
      case 125: {
        const opened = this.#open.pop();
        if (opened === undefined) return -1;
        if (opened === 1) return this.#token(this.#template(i + 1), Last.Operand);
        return this.#token(i + 1, Last.StatementEnd);
      }
      case 59:
        return this.#token(i + 1, Last.StatementEnd);
      case 62:
        return this.#token(i + 1, Last.Operand);
      case 61:
        // `=>` as one token: a `/` after an arrow starts a regular expression.
        return this.#token(text.charCodeAt(i + 1) === 62 ? i + 2 : i + 1, Last.Other);
      case 46:
        if (isDigit(text.charCodeAt(i + 1))) return this.#word(i);
        return this.#token(text.startsWith('...', i) ? i + 3 : i + 1, Last.Dot);
      case 63:
        if (text.charCodeAt(i + 1) === 46 && !isDigit(text.charCodeAt(i + 2))) {
          return this.#token(i + 2, Last.Dot);
        }
        return this.#token(i + 1, Last.Other);
      case 64:
        if (this.#open.length === 0 && !this.#decorating) {
          this.#maybeCut(i, i + 1, '@');
          this.#decorating = true;
        }
        return this.#token(i + 1, Last.Other);
      default:
        return this.#token(i + 1, Last.Other);
    }
  }
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Identifier and number characters (any non-ASCII character that is not a space counts). */
function isWordPart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 36 ||
    c === 92 ||
    (c > 127 && !isSpace(c))
  );
}

function lineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** Whether `function` follows on the same line (`async function`, a declaration, not an `async` arrow). */
function startsFunction(text: string, i: number): boolean {
  let j = i;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j += 1;
  return j > i && text.startsWith('function', j) && !isWordPart(text.charCodeAt(j + 8));
}

function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j += 1;
  return j;
}

/** The end of a quoted string starting at `i`, or -1 when a line or the text ends first. */
function skipString(text: string, i: number, quote: number): number {
  for (let j = i + 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === 92) j += 1;
    else if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/** The end of a regular expression literal (flags included) starting at `i`, or -1. */
function skipRegex(text: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 1;
    else if (c === 10 || c === 13) return -1;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let end = j + 1;
      while (end < text.length && isWordPart(text.charCodeAt(end))) end += 1;
      return end;
    }
  }
  return -1;
}
