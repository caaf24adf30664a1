const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Where a generated position comes from, by a version 3 source map (0-based line and column). */
export interface OriginalPosition {
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The original position of the last segment at or before (`line`, `column`) of the generated file,
 * or `undefined` when that line has none. Handles maps with several sources.
 */
export function originalPosition(
  map: { sources: string[]; mappings: string },
  line: number,
  column: number,
): OriginalPosition | undefined {
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let found: OriginalPosition | undefined;
  for (const [generatedLine, text] of map.mappings.split(';').entries()) {
    if (generatedLine > line) break;
    let generatedColumn = 0;
    for (const segment of text.split(',').filter(Boolean)) {
      const values = decodeSegment(segment);
      generatedColumn += values[0] ?? 0;
      if (values.length < 4) continue;
      sourceIndex += values[1] ?? 0;
      sourceLine += values[2] ?? 0;
      sourceColumn += values[3] ?? 0;
      if (generatedLine === line && generatedColumn <= column) {
        found = { source: map.sources[sourceIndex] ?? '', line: sourceLine, column: sourceColumn };
      }
    }
  }
  return found;
}

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let shift = 0;
  let value = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
