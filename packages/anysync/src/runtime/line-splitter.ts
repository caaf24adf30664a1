// A line ending: `\n`, `\r\n`, or a `\r` not followed by `\n` within the same piece of text; from Node 24 on,
// readline also ends lines at U+2028 and U+2029 (nodejs/node#57591).
const LINE_ENDING = /\r?\n|\r(?!\n)/g;
const LINE_ENDING_24 = /\r?\n|\r(?!\n)|\u2028|\u2029/g;

/** Whether this runtime's readline ends lines at U+2028 and U+2029 (Node ≥ 24, and runtimes that say they are). */
export function readlineEndsLinesAtSeparators(): boolean {
  const version = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return Number(version?.split('.')[0]) >= 24;
}

/**
 * Cuts decoded text, fed piece by piece, into lines the way `node:readline` does for a non-terminal input
 * with `crlfDelay: Infinity` (what `FileHandle.readLines()` uses): `\n`, `\r\n` and a lone `\r` end a line
 * (and U+2028, U+2029 where readline says so); a `\r` that ends one piece and a `\n` that starts the next
 * are one line ending; the text after the last line ending is a line of its own at the end, unless empty.
 */
export class LineSplitter {
  readonly #ending: RegExp;
  #pending = '';
  #endsWithReturn = false;

  constructor(unicodeSeparators = readlineEndsLinesAtSeparators()) {
    this.#ending = unicodeSeparators ? LINE_ENDING_24 : LINE_ENDING;
  }

  /** The lines that `piece` completes. */
  push(piece: string): string[] {
    let text = piece;
    if (this.#endsWithReturn) {
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      this.#endsWithReturn = false;
    }
    const ending = this.#ending;
    ending.lastIndex = 0;
    if (!ending.test(text)) {
      this.#pending += text;
      return [];
    }
    text = this.#pending + text;
    this.#endsWithReturn = text.endsWith('\r');
    const lines: string[] = [];
    let lineStart = 0;
    ending.lastIndex = 0;
    for (let match = ending.exec(text); match !== null; match = ending.exec(text)) {
      lines.push(text.slice(lineStart, match.index));
      lineStart = ending.lastIndex;
    }
    this.#pending = text.slice(lineStart);
    return lines;
  }

  /** The last line, when the input did not end with a line ending. */
  end(): string | undefined {
    const last = this.#pending;
    this.#pending = '';
    return last.length > 0 ? last : undefined;
  }
}
