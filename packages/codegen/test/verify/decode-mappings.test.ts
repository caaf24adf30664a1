import { describe, expect, it } from 'vitest';
import { transform } from '../../src/transform/transform.js';
import { decodeMappings } from '../../src/verify/decode-mappings.js';
import { decodeMappings as reference } from '../support/decode-mappings.js';
import { fixtureInputs } from '../support/fixture-inputs.js';

describe('decodeMappings()', () => {
  it('reads every fixture twin’s map as the reference decoder does', () => {
    for (const input of fixtureInputs()) {
      const { map } = transform(input.text, { fileName: `/p/_async/input${input.extension}` });
      if (map === undefined) continue;
      const segments = decodeMappings(map.mappings).map((s) => [
        s.line,
        s.column,
        s.sourceLine,
        s.sourceColumn,
      ]);
      expect(segments, input.name).toEqual(reference(map.mappings));
    }
  });

  it('reads large and negative deltas', () => {
    expect(decodeMappings('gBAAgB,CAAC;AAAD')).toEqual([
      { line: 0, column: 16, sourceLine: 0, sourceColumn: 16 },
      { line: 0, column: 17, sourceLine: 0, sourceColumn: 17 },
      { line: 1, column: 0, sourceLine: 0, sourceColumn: 16 },
    ]);
  });

  it.each(['AA!A', 'AAA', 'AAAg'])('refuses malformed mappings %j', (mappings) => {
    expect(() => decodeMappings(mappings)).toThrow(RangeError);
  });
});
