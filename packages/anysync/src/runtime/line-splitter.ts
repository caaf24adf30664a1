// A line ending: `\n`, `\r\n`, or a `\r` not followed by `\n` within the same piece of text.
const LINE_ENDING = /\r?\n|\r(?!\n)/g;

/**
 * Cuts decoded text, fed piece by piece, into lines the way `node:readline` does for a non-terminal input
 * with `crlfDelay: Infinity` (what `FileHandle.readLines()` uses): `\n`, `\r\n` and a lone `\r` end a line;
 * a `\r` that ends one piece and a `\n` that starts the next are one line ending; the text after the last
 * line ending is a line of its own at the end, unless it is empty.
 *
 * Like readline, a pending `\r` only joins the `\n` at the very start of the next piece, even when that
 * piece is empty (an incomplete multi-byte character decoded to nothing).
 */
export class LineSplitter {
  #pending = '';
  #endsWithReturn = false;

  /** The lines that `piece` completes. */
  push(piece: string): string[] {
    let text = piece;
    if (this.#endsWithReturn) {
      if (text.charCodeAt(0) === 10) text = text.slice(1);
      this.#endsWithReturn = false;
    }
    LINE_ENDING.lastIndex = 0;
    if (!LINE_ENDING.test(text)) {
      this.#pending += text;
      return [];
    }
    text = this.#pending + text;
    this.#endsWithReturn = text.endsWith('\r');
    const lines: string[] = [];
    let lineStart = 0;
    LINE_ENDING.lastIndex = 0;
    for (let match = LINE_ENDING.exec(text); match !== null; match = LINE_ENDING.exec(text)) {
      lines.push(text.slice(lineStart, match.index));
      lineStart = LINE_ENDING.lastIndex;
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
