const BASE64_DIGITS = new Int8Array(128).fill(-1);
for (const [index, char] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries())
  BASE64_DIGITS[char.charCodeAt(0)] = index;

/** One segment of a single-source map: a generated position and the source position it comes from. */
export interface MappingSegment {
  readonly line: number;
  readonly column: number;
  readonly sourceLine: number;
  readonly sourceColumn: number;
}

/**
 * Decodes the `mappings` of a version 3 source map with one source (the kind `transform()` writes).
 * A malformed string throws a RangeError rather than yielding positions that point nowhere.
 */
export function decodeMappings(mappings: string): MappingSegment[] {
  const segments: MappingSegment[] = [];
  let line = 0;
  let column = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  const endSegment = (at: number) => {
    if (shift !== 0) throw new RangeError(`source map mappings: a number is cut off at ${at}`);
    if (fields.length === 0) return;
    if (fields.length !== 4 && fields.length !== 5 && fields.length !== 1)
      throw new RangeError(`source map mappings: a segment of ${fields.length} fields at ${at}`);
    column += fields[0] ?? 0;
    if (fields.length >= 4) {
      sourceLine += fields[2] ?? 0;
      sourceColumn += fields[3] ?? 0;
      segments.push({ line, column, sourceLine, sourceColumn });
    }
    fields.length = 0;
  };
  for (let i = 0; i < mappings.length; i += 1) {
    const code = mappings.charCodeAt(i);
    if (code === 59 /* ; */ || code === 44 /* , */) {
      endSegment(i);
      if (code === 59) {
        line += 1;
        column = 0;
      }
      continue;
    }
    const digit = code < 128 ? (BASE64_DIGITS[code] ?? -1) : -1;
    if (digit === -1) throw new RangeError(`source map mappings: unexpected character at ${i}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
      value = 0;
      shift = 0;
    }
  }
  endSegment(mappings.length);
  return segments;
}
