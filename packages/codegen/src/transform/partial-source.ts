import ts from 'typescript';
import type { NeedleHits } from './needle-hits.js';
import { isWordChar } from './comment-words.js';
import { type TopLevelRegions, topLevelRegions } from './top-level-regions.js';

/** Below this share of a file's text, skipping statements saves less than it costs to plan. */
const LEAST_SKIPPED_SHARE = 1 / 8;

/**
 * A file to be parsed in part: the top-level statements holding none of the rules' words are replaced,
 * in the text the parser sees, by a comment and a `0` statement of the same length, so every kept node
 * has the position it has in the whole file. The transform edits the original text, so skipped
 * statements come out as they were. It is a bet: {@link PartialSource.holdsSkipped} and
 * {@link PartialSource.mayDeclareAny} tell afterwards whether anything the rules looked up lies in a skipped
 * statement (a renamed import used there, a call to an async function of the file, a name a rule
 * resolved), and then the caller parses the whole file instead.
 */
export class PartialSource {
  /** The text the parser sees. */
  readonly text: string;
  /** How many characters of the original the parser does not see. */
  readonly skippedLength: number;
  /** Triples `[start, end, keyword]` from {@link topLevelRegions}. */
  readonly #regions: Int32Array;
  readonly #kept: Uint8Array;
  /** Skipped regions as sorted `[start, end)` pairs. */
  readonly #skipped: Int32Array;
  /** Triples `[start, end, isJsDoc]` of the file's comments. */
  readonly #comments: Int32Array;

  private constructor(
    text: string,
    regions: Int32Array,
    kept: Uint8Array,
    skipped: Int32Array,
    skippedLength: number,
    comments: Int32Array,
  ) {
    this.text = text;
    this.#comments = comments;
    this.skippedLength = skippedLength;
    this.#regions = regions;
    this.#kept = kept;
    this.#skipped = skipped;
  }

  /**
   * Plans the parse of `original`: a region is kept when it is the first, starts with `import`, or holds
   * a match of `needles` (a global pattern) in its code, or a name a rule edits inside JSDoc in a JSDoc
   * comment. `undefined` when too little would be skipped.
   */
  static plan(original: string, needles: RegExp): PartialSource | undefined {
    const lexed = topLevelRegions(original);
    if (lexed === undefined || lexed.regions.length < 6) return undefined;
    const { regions, comments } = lexed;
    const count = regions.length / 3;
    const kept = new Uint8Array(count);
    kept[0] = 1;
    for (let k = 1; k < count; k += 1) {
      if (original.startsWith('import', regions[k * 3 + 2] as number)) kept[k] = 1;
    }
    markHits(
      original,
      needles.global ? needles : new RegExp(needles.source, `${needles.flags}g`),
      lexed,
      kept,
    );
    const skipped: number[] = [];
    const parts: string[] = [];
    let skippedLength = 0;
    for (let k = 0; k < count; k += 1) {
      const start = regions[k * 3] as number;
      const end = regions[k * 3 + 1] as number;
      if (kept[k] === 1) {
        parts.push(original.slice(start, end));
        continue;
      }
      skipped.push(start, end);
      skippedLength += end - start;
      parts.push(placeholder(end - start));
    }
    if (skippedLength < original.length * LEAST_SKIPPED_SHARE) return undefined;
    parts.push(original.slice(regions[regions.length - 2] as number));
    const text = parts.join('');
    return new PartialSource(text, regions, kept, Int32Array.from(skipped), skippedLength, comments);
  }

  /**
   * Whether the tree parsed from {@link text} has the statements the plan expects: each kept region
   * exactly covered by whole statements, each skipped one by its placeholder. Anything else means a cut
   * was not where a statement ends, and the file must be parsed whole.
   */
  matches(tree: ts.SourceFile): boolean {
    const statements = tree.statements;
    const regions = this.#regions;
    let j = 0;
    for (let k = 0; k < this.#kept.length; k += 1) {
      const start = regions[k * 3] as number;
      const end = regions[k * 3 + 1] as number;
      const first = statements[j];
      if (first === undefined || first.pos !== start) return false;
      if (this.#kept[k] === 0) {
        if (first.end !== end || first.kind !== ts.SyntaxKind.ExpressionStatement) return false;
        j += 1;
        continue;
      }
      while (j < statements.length && (statements[j] as ts.Statement).end < end) j += 1;
      if (statements[j]?.end !== end) return false;
      j += 1;
    }
    return j === statements.length;
  }

  /**
   * Whether a rule could act in a skipped region: a needle there in code, or one a rule edits inside
   * JSDoc in a JSDoc comment. Other words in comments ("then" in prose) only ever lead the walk into a
   * statement where no rule acts (rules act where their words are in code).
   */
  holdsSkipped(hits: NeedleHits): boolean {
    if (hits.statements === undefined || hits.jsDoc === undefined) return true;
    for (const position of this.#inSkipped(hits.statements)) {
      if (this.#commentAt(position) < 0) return true;
    }
    for (const position of this.#inSkipped(hits.jsDoc)) {
      const comment = this.#commentAt(position);
      if (comment >= 0 && this.#comments[comment + 2] === 1) return true;
    }
    return false;
  }

  /** The positions of a sorted list that lie in a skipped region. */
  *#inSkipped(positions: Int32Array): Generator<number> {
    const skipped = this.#skipped;
    let k = 0;
    for (const position of positions) {
      while (k < skipped.length && (skipped[k + 1] as number) <= position) k += 2;
      if (k >= skipped.length) return;
      if (position >= (skipped[k] as number)) yield position;
    }
  }

  /** The index of the comment triple holding `position`, or -1. */
  #commentAt(position: number): number {
    const comments = this.#comments;
    let low = 0;
    let high = comments.length / 3;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((comments[middle * 3 + 1] as number) <= position) low = middle + 1;
      else high = middle;
    }
    const index = low * 3;
    return index < comments.length && (comments[index] as number) <= position ? index : -1;
  }

  /**
   * Whether a skipped region may declare one of these names at the top level, which would change what
   * the name refers to at a kept statement. An occurrence in code counts unless it is plainly a use: a
   * property name (`x.name`), an object whose member is read (`name.x`), or a call not after `function`
   * (`name(…)`). Comments never declare.
   */
  mayDeclareAny(original: string, names: Iterable<string>): boolean {
    for (const name of names) {
      if (this.#mayDeclare(original, name)) return true;
    }
    return false;
  }

  #mayDeclare(original: string, name: string): boolean {
    const skipped = this.#skipped;
    let k = 0;
    for (let at = original.indexOf(name, skipped[0]); at !== -1; at = original.indexOf(name, at + 1)) {
      while (k < skipped.length && (skipped[k + 1] as number) <= at) k += 2;
      if (k >= skipped.length) return false;
      if (at < (skipped[k] as number)) continue;
      const end = at + name.length;
      const whole =
        (at === 0 || !isWordChar(original.charCodeAt(at - 1))) && !isWordChar(original.charCodeAt(end));
      if (whole && this.#commentAt(at) < 0 && !isPlainUse(original, at, name.length)) return true;
    }
    return false;
  }
}

/** Keywords after which a name is declared (`function* name`, `namespace name.inner` included). */
const DECLARING = new Set([
  'function',
  'class',
  'namespace',
  'module',
  'enum',
  'interface',
  'type',
  'const',
  'let',
  'var',
]);

/** Whether a name at `start` is read rather than declared: `x.name`, `name.x`, `name?.x`, `name(…)`. */
function isPlainUse(text: string, start: number, length: number): boolean {
  let before = skipBlanksBack(text, start - 1);
  if (text.charCodeAt(before) === 42) before = skipBlanksBack(text, before - 1);
  let wordStart = before + 1;
  while (wordStart > 0 && isWordChar(text.charCodeAt(wordStart - 1))) wordStart -= 1;
  if (DECLARING.has(text.slice(wordStart, before + 1))) return false;
  if (text.charCodeAt(before) === 46) return true;
  let after = start + length;
  while (after < text.length && isBlank(text.charCodeAt(after))) after += 1;
  const next = text.charCodeAt(after);
  return next === 46 || next === 40 || (next === 63 && text.charCodeAt(after + 1) === 46);
}

function skipBlanksBack(text: string, from: number): number {
  let i = from;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i -= 1;
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const SPACES = ' '.repeat(4096);

/**
 * What the parser sees instead of a skipped region of `length` (at least 2) characters: a line break
 * (so that nothing before can continue into it), a block comment over the rest (the scanner skips a
 * comment several times faster than as many spaces; the `x` keeps TypeScript's check for `@ts-expect-error`
 * from reading the spaces), and the statement `0`, which ends where the region ends.
 */
function placeholder(length: number): string {
  if (length < 7) return `\n${SPACES.slice(0, length - 2)}0`;
  const spaces = length - 7;
  return `\n/*x${spaces <= SPACES.length ? SPACES.slice(0, spaces) : ' '.repeat(spaces)}*/0`;
}

/**
 * Names a rule edits inside JSDoc (types, `Symbol.async…`, globals; any name holding `Async` is a type or a
 * name the convention renames). A JSDoc comment holding one is kept with its statement, so that the
 * on-demand JSDoc parse finds it; others found later make the file be parsed whole.
 */
const JSDOC_WORDS = new Set([
  'Promise',
  'PromiseLike',
  'Awaited',
  'asyncIterator',
  'asyncDispose',
  'fetch',
  'Response',
  'ReadableStream',
  'WritableStream',
]);

/** Marks each region holding a match in code, or a name a rule edits inside JSDoc in a JSDoc comment. */
function markHits(text: string, pattern: RegExp, lexed: TopLevelRegions, kept: Uint8Array): void {
  const { regions, comments } = lexed;
  pattern.lastIndex = 0;
  let k = 0;
  let c = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const position = match.index;
    // Group 1 holds words that count only whole (the pattern checks their right edge).
    if (match[1] !== undefined && position > 0 && isWordChar(text.charCodeAt(position - 1))) continue;
    while (k < kept.length - 1 && (regions[k * 3 + 1] as number) <= position) k += 1;
    while (c < comments.length && (comments[c + 1] as number) <= position) c += 3;
    if (c < comments.length && (comments[c] as number) <= position) {
      // A comment is judged once, as a whole: prose can hold many matches.
      const end = comments[c + 1] as number;
      const judged = comments[c + 2] === 1 && holdsJsDocWord(text, comments[c] as number, end);
      pattern.lastIndex = end;
      if (!judged) continue;
    }
    kept[k] = 1;
    // The rest of this region needs no search: go on from where the next one starts.
    const next = regions[k * 3 + 1] as number;
    if (next > pattern.lastIndex) pattern.lastIndex = next;
  }
}

/** A name a rule edits inside JSDoc, as a whole word (or the `@async` tag). */
const JSDOC_WORD = new RegExp(
  `(?<![\\w$])(?:${[...JSDOC_WORDS].join('|')}|[\\w$]*Async[\\w$]*)(?![\\w$])|@async(?![\\w$])`,
);

/** Whether the text from `start` to `end` (a JSDoc comment) holds a name a rule edits inside JSDoc. */
function holdsJsDocWord(text: string, start: number, end: number): boolean {
  return JSDOC_WORD.test(text.slice(start, end));
}
