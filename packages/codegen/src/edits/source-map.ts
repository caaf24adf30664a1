import type { Edit } from './edit-set.js';
import { encodeVlq } from './vlq.js';

/** A version 3 source map, as written to `.map` files and understood by Node, browsers and bundlers. */
export interface SourceMap {
  version: 3;
  file: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

/**
 * Builds a source map from the generated text back to the original, with a segment at the start of
 * every generated line and at every edit boundary: exact for the unchanged text (and for regions an
 * edit keeps as they are), and pointing at the start of the replaced text inside an edit.
 */
export function buildSourceMap(
  original: string,
  edits: readonly Edit[],
  names: { file: string; source: string },
): SourceMap {
  const writer = new MappingsWriter();
  let cursor = 0;
  for (const edit of edits) {
    writer.copy(original, cursor, edit.start, true);
    // A region kept as it is (an ignored range) maps character for character, like unchanged text.
    if (edit.end > edit.start && edit.text === original.slice(edit.start, edit.end)) {
      writer.copy(original, edit.start, edit.end, true);
    } else {
      writer.copy(edit.text, 0, edit.text.length, false);
      writer.skipSource(original, edit.start, edit.end);
    }
    cursor = edit.end;
  }
  writer.copy(original, cursor, original.length, true);
  return {
    version: 3,
    file: names.file,
    sources: [names.source],
    sourcesContent: [original],
    names: [],
    mappings: writer.finish(),
  };
}

/**
 * Writes `mappings` directly as VLQ text while walking the output once (no segment objects). Of several
 * segments at one generated position only the last is kept: it describes the text that follows.
 */
class MappingsWriter {
  #out = '';
  #line = 0;
  #column = 0;
  #sourceLine = 0;
  #sourceColumn = 0;
  // The previous written segment, for the deltas.
  #writtenLine = 0;
  #writtenColumn = 0;
  #writtenSourceLine = 0;
  #writtenSourceColumn = 0;
  #lineHasSegment = false;
  // A segment waiting for the generated position to move on (a later one at the same spot replaces it).
  #hasPending = false;
  #pendingSourceLine = 0;
  #pendingSourceColumn = 0;
  #pendingLine = 0;
  #pendingColumn = 0;

  /** Copies `text[from, to)` to the output; `mapped` text advances the source position with it. */
  copy(text: string, from: number, to: number, mapped: boolean): void {
    let start = from;
    while (start < to) {
      this.#mark();
      const newline = text.indexOf('\n', start);
      if (newline === -1 || newline >= to) {
        this.#column += to - start;
        if (mapped) this.#sourceColumn += to - start;
        return;
      }
      this.#line += 1;
      this.#column = 0;
      if (mapped) {
        this.#sourceLine += 1;
        this.#sourceColumn = 0;
      }
      start = newline + 1;
    }
  }

  /** Moves the source position over text an edit removed or replaced. */
  skipSource(text: string, from: number, to: number): void {
    const lastNewline = to > from ? text.lastIndexOf('\n', to - 1) : -1;
    if (lastNewline < from) {
      this.#sourceColumn += to - from;
      return;
    }
    for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1))
      this.#sourceLine += 1;
    this.#sourceColumn = to - lastNewline - 1;
  }

  finish(): string {
    this.#flush();
    return this.#out;
  }

  #mark(): void {
    if (this.#hasPending && (this.#pendingLine !== this.#line || this.#pendingColumn !== this.#column))
      this.#flush();
    this.#hasPending = true;
    this.#pendingSourceLine = this.#sourceLine;
    this.#pendingSourceColumn = this.#sourceColumn;
    this.#pendingLine = this.#line;
    this.#pendingColumn = this.#column;
  }

  #flush(): void {
    if (!this.#hasPending) return;
    const sourceLine = this.#pendingSourceLine;
    const sourceColumn = this.#pendingSourceColumn;
    this.#hasPending = false;
    while (this.#writtenLine < this.#pendingLine) {
      this.#out += ';';
      this.#writtenLine += 1;
      this.#writtenColumn = 0;
      this.#lineHasSegment = false;
    }
    if (this.#lineHasSegment) this.#out += ',';
    this.#out +=
      encodeVlq(this.#pendingColumn - this.#writtenColumn) +
      'A' +
      encodeVlq(sourceLine - this.#writtenSourceLine) +
      encodeVlq(sourceColumn - this.#writtenSourceColumn);
    this.#lineHasSegment = true;
    this.#writtenColumn = this.#pendingColumn;
    this.#writtenSourceLine = sourceLine;
    this.#writtenSourceColumn = sourceColumn;
  }
}
