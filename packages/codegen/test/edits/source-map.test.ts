import { describe, expect, it } from 'vitest';
import { transform } from '../../src/transform/transform.js';
import { decodeMappings } from '../support/decode-mappings.js';

function positionOf(text: string, needle: string): [number, number] {
  const index = text.indexOf(needle);
  const line = text.slice(0, index).split('\n').length - 1;
  return [line, index - (text.lastIndexOf('\n', index - 1) + 1)];
}

describe('buildSourceMap()', () => {
  const source = [
    'export async function load(path: string): Promise<string> {',
    '  const text = await read(path);',
    '  return text.trim();',
    '}',
    'async function read(path: string): Promise<string> {',
    '  return path;',
    '}',
    '',
  ].join('\n');
  const result = transform(source, {
    fileName: '/p/src/_async/load.ts',
    outFileName: '/p/src/_sync/load.ts',
  });

  it('names the twin and its async source relative to the twin', () => {
    expect(result.map?.file).toBe('load.ts');
    expect(result.map?.sources).toEqual(['../_async/load.ts']);
    expect(result.map?.sourcesContent).toEqual([source]);
  });

  it('maps code after an edit back to its exact place in the source', () => {
    const segments = decodeMappings(result.map?.mappings ?? '');
    for (const needle of ['read(path);', 'text.trim()', 'function read', 'return path']) {
      const [line, column] = positionOf(result.code, needle);
      const segment = segments.filter(([l, c]) => l === line && c <= column).pop();
      expect(segment, needle).toBeDefined();
      const [, generatedColumn, sourceLine, sourceColumn] = segment as [number, number, number, number];
      expect([sourceLine, sourceColumn + (column - generatedColumn)], needle).toEqual(
        positionOf(source, needle),
      );
    }
  });

  it('has one line of mappings per generated line of code', () => {
    expect(result.map?.mappings.split(';')).toHaveLength(result.code.trimEnd().split('\n').length);
  });
});
