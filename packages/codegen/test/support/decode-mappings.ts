const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes source map `mappings` into [generatedLine, generatedColumn, sourceLine, sourceColumn] tuples. */
export function decodeMappings(mappings: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const [line, text] of mappings.split(';').entries()) {
    let column = 0;
    for (const segment of text.split(',').filter(Boolean)) {
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
      column += values[0] ?? 0;
      sourceLine += values[2] ?? 0;
      sourceColumn += values[3] ?? 0;
      out.push([line, column, sourceLine, sourceColumn]);
    }
  }
  return out;
}
