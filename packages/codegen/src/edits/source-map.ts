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

interface Segment {
  generatedLine: number;
  generatedColumn: number;
  sourceLine: number;
  sourceColumn: number;
}

/**
 * Builds a source map from the generated text back to the original, with a segment at the start of
 * every generated line and at every edit boundary: exact for the unchanged text, and pointing at the
 * start of the replaced text inside an edit.
 */
export function buildSourceMap(
  original: string,
  edits: readonly Edit[],
  names: { file: string; source: string },
): SourceMap {
  const segments: Segment[] = [];
  const position = { generatedLine: 0, generatedColumn: 0, sourceLine: 0, sourceColumn: 0 };
  let cursor = 0;
  // Inserted text (mapped = false) keeps pointing at the start of the source text it replaced.
  const copy = (text: string, mapped: boolean) => {
    let from = 0;
    while (from < text.length) {
      segments.push({ ...position });
      const newline = text.indexOf('\n', from);
      const lineEnd = newline === -1 ? text.length : newline;
      if (newline === -1) {
        position.generatedColumn += lineEnd - from;
        if (mapped) position.sourceColumn += lineEnd - from;
        return;
      }
      position.generatedLine += 1;
      position.generatedColumn = 0;
      if (mapped) {
        position.sourceLine += 1;
        position.sourceColumn = 0;
      }
      from = newline + 1;
    }
  };
  for (const edit of edits) {
    copy(original.slice(cursor, edit.start), true);
    copy(edit.text, false);
    advanceSource(position, original.slice(edit.start, edit.end));
    cursor = edit.end;
  }
  copy(original.slice(cursor), true);
  return {
    version: 3,
    file: names.file,
    sources: [names.source],
    sourcesContent: [original],
    names: [],
    mappings: encodeMappings(segments),
  };
}

function advanceSource(position: Segment, removed: string): void {
  const lastNewline = removed.lastIndexOf('\n');
  if (lastNewline === -1) {
    position.sourceColumn += removed.length;
    return;
  }
  let lines = 0;
  for (let i = removed.indexOf('\n'); i !== -1; i = removed.indexOf('\n', i + 1)) lines += 1;
  position.sourceLine += lines;
  position.sourceColumn = removed.length - lastNewline - 1;
}

function encodeMappings(segments: readonly Segment[]): string {
  let out = '';
  let line = 0;
  let previousColumn = 0;
  let previousSourceLine = 0;
  let previousSourceColumn = 0;
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    // Of several segments at one generated position, the last one describes the text that follows it.
    if (
      next &&
      next.generatedLine === segment.generatedLine &&
      next.generatedColumn === segment.generatedColumn
    ) {
      continue;
    }
    while (line < segment.generatedLine) {
      out += ';';
      line += 1;
      previousColumn = 0;
    }
    if (out.length > 0 && !out.endsWith(';')) out += ',';
    out +=
      encodeVlq(segment.generatedColumn - previousColumn) +
      encodeVlq(0) +
      encodeVlq(segment.sourceLine - previousSourceLine) +
      encodeVlq(segment.sourceColumn - previousSourceColumn);
    previousColumn = segment.generatedColumn;
    previousSourceLine = segment.sourceLine;
    previousSourceColumn = segment.sourceColumn;
  }
  return out;
}
