import { describe, expect, it } from 'vitest';
import { transform } from '../../src/transform/transform.js';
import { TwinSourceMap } from '../../src/verify/twin-source-map.js';
import { fixtureInputs } from '../support/fixture-inputs.js';
import { repositorySources } from '../support/repository-sources.js';

const SOURCE = `import { readFile } from 'node:fs/promises';

export async function load(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  return text.trim();
}
`;

function twinOf(source: string, fileName = '/p/src/_async/load.ts') {
  const result = transform(source, { fileName, outFileName: fileName.replace('_async', '_sync') });
  if (result.map === undefined) throw new Error('no map');
  return { code: result.code, map: new TwinSourceMap(source, result.code, result.map) };
}

describe('TwinSourceMap', () => {
  const { code, map } = twinOf(SOURCE);

  it('maps copied text both ways, character for character', () => {
    const source = SOURCE.indexOf('text.trim()');
    const twin = code.indexOf('text.trim()');
    expect(map.toTwin(source)).toBe(twin);
    expect(map.toSource(twin + 5)).toBe(source + 5);
    expect(map.toTwinEnd(source + 'text.trim()'.length)).toBe(twin + 'text.trim()'.length);
  });

  it('maps a replacement to the text it replaced, and the span of an awaited operand to its twin', () => {
    const call = SOURCE.indexOf("readFile(file, 'utf8')");
    const twinCall = code.indexOf("readFileSync(file, 'utf8')");
    expect(map.toTwin(call)).toBe(twinCall);
    expect(map.toTwinEnd(call + "readFile(file, 'utf8')".length)).toBe(
      twinCall + "readFileSync(file, 'utf8')".length,
    );
    expect(map.toSource(twinCall + 3)).toBe(call);
    expect(map.toSourceEnd(twinCall + 'readFileSync'.length)).toBe(call + 'readFile'.length);
  });

  it('has no twin position for text an edit removed', () => {
    expect(map.toTwin(SOURCE.indexOf('await'))).toBeUndefined();
    expect(map.toTwin(SOURCE.indexOf('async') + 2)).toBeUndefined();
  });

  it('round-trips every source position that has a twin position, on every fixture and repository source', () => {
    let checked = 0;
    for (const input of [...fixtureInputs(), ...repositorySources()]) {
      const fileName = `/p/src/_async/input${input.extension}`;
      const result = transform(input.text, { fileName, outFileName: fileName.replace('_async', '_sync') });
      if (result.map === undefined) continue;
      const lookup = new TwinSourceMap(input.text, result.code, result.map);
      for (let offset = 0; offset <= input.text.length; offset += 7) {
        const twin = lookup.toTwin(offset);
        if (twin === undefined) continue;
        checked += 1;
        expect(lookup.toSource(twin), input.name).toBe(offset);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('refuses a map that points past the end of its files', () => {
    const result = transform(SOURCE, { fileName: '/p/src/_async/load.ts' });
    if (result.map === undefined) throw new Error('no map');
    expect(() => new TwinSourceMap(SOURCE.slice(0, 20), result.code, result.map as never)).toThrow(
      RangeError,
    );
  });
});
