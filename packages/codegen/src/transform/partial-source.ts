import ts from 'typescript';
import { escapeRegExp } from './escape-reg-exp.js';
import { topLevelRegions } from './top-level-regions.js';

/** Below this share of a file's text, skipping statements saves less than it costs to plan. */
const LEAST_SKIPPED_SHARE = 1 / 8;

/**
 * A file to be parsed in part: the top-level statements holding none of the rules' words are replaced,
 * in the text the parser sees, by blanks and a `0` placeholder of the same length, so every kept node
 * has the position it has in the whole file. The transform edits the original text, so skipped
 * statements come out as they were. It is a bet: {@link PartialSource.holdsSkipped} and
 * {@link PartialSource.skipsAnyWord} tell afterwards whether anything the rules looked up lies in a skipped
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

  private constructor(text: string, regions: Int32Array, kept: Uint8Array, skipped: Int32Array) {
    this.text = text;
    let length = 0;
    for (let k = 0; k < skipped.length; k += 2) length += (skipped[k + 1] as number) - (skipped[k] as number);
    this.skippedLength = length;
    this.#regions = regions;
    this.#kept = kept;
    this.#skipped = skipped;
  }

  /**
   * Plans the parse of `original`: a region is kept when it is the first, starts with `import`, or holds
   * a match of `needles` (or `require`). `undefined` when too little would be skipped.
   */
  static plan(original: string, needles: RegExp): PartialSource | undefined {
    const regions = topLevelRegions(original);
    if (regions === undefined || regions.length < 6) return undefined;
    const count = regions.length / 3;
    const kept = new Uint8Array(count);
    kept[0] = 1;
    for (let k = 1; k < count; k += 1) {
      if (original.startsWith('import', regions[k * 3 + 2] as number)) kept[k] = 1;
    }
    markHits(original, globalPattern(needles), regions, kept);
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
      // A line break first, so that the placeholder cannot continue the statement before it.
      parts.push(`\n${' '.repeat(end - start - 2)}0`);
    }
    if (skippedLength < original.length * LEAST_SKIPPED_SHARE) return undefined;
    parts.push(original.slice(regions[regions.length - 2] as number));
    return new PartialSource(parts.join(''), regions, kept, Int32Array.from(skipped));
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

  /** Whether any of these sorted positions lies in a skipped region. */
  holdsSkipped(positions: ArrayLike<number>): boolean {
    const skipped = this.#skipped;
    let k = 0;
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] as number;
      while (k < skipped.length && (skipped[k + 1] as number) <= position) k += 2;
      if (k >= skipped.length) return false;
      if (position >= (skipped[k] as number)) return true;
    }
    return false;
  }

  /** Whether any of these names occurs as a whole word in a skipped region of `original`. */
  skipsAnyWord(original: string, words: Iterable<string>): boolean {
    const alternatives = [...words].map(escapeRegExp);
    if (alternatives.length === 0) return false;
    const pattern = new RegExp(`(?<![\\w$])(?:${alternatives.join('|')})(?![\\w$])`, 'g');
    const skipped = this.#skipped;
    for (let k = 0; k < skipped.length; k += 2) {
      pattern.lastIndex = skipped[k] as number;
      const match = pattern.exec(original);
      if (match !== null && match.index < (skipped[k + 1] as number)) return true;
    }
    return false;
  }
}

const globals = new WeakMap<RegExp, RegExp>();

/** The needles as a global pattern, plus `require` (CommonJS imports are statements too). */
function globalPattern(needles: RegExp): RegExp {
  let pattern = globals.get(needles);
  if (pattern === undefined) {
    pattern = new RegExp(`${needles.source}|require`, 'g');
    globals.set(needles, pattern);
  }
  return pattern;
}

/** Marks each region holding a match, in one pass over the text. */
function markHits(text: string, pattern: RegExp, regions: Int32Array, kept: Uint8Array): void {
  pattern.lastIndex = 0;
  let k = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    while (k < kept.length - 1 && (regions[k * 3 + 1] as number) <= match.index) k += 1;
    kept[k] = 1;
    // The rest of this region needs no search: go on from where the next one starts.
    const next = regions[k * 3 + 1] as number;
    if (next > pattern.lastIndex) pattern.lastIndex = next;
  }
}
