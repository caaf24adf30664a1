import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

describe('buildSourceMap() on a whole file', () => {
  it('maps the unchanged runs between edits to the same text in the source', () => {
    const file = path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../../../examples/config-loader/src/async/config-loader.ts',
    );
    const source = readFileSync(file, 'utf8');
    const result = transform(source, { fileName: file });
    const generatedLines = result.code.split('\n');
    const sourceLines = source.split('\n');
    const segments = decodeMappings(result.map?.mappings ?? '');
    expect(segments.length).toBeGreaterThan(generatedLines.length);
    let aligned = 0;
    let replaced = 0;
    for (const [index, [line, column, sourceLine, sourceColumn]] of segments.entries()) {
      const next = segments[index + 1];
      const runEnd = next && next[0] === line ? next[1] : undefined;
      const generated = generatedLines[line]?.slice(column, runEnd) ?? '';
      const original = sourceLines[sourceLine]?.slice(sourceColumn, sourceColumn + generated.length) ?? '';
      if (generated === original) aligned += 1;
      // A run that differs must be text an edit wrote, mapped to the start of what it replaced.
      else if (
        /^(?:readFileSync|'node:fs'|ConfigLoader|search|load|loadConfig|hasConfigFile|[\w: ]*\w)/.test(
          generated,
        )
      )
        replaced += 1;
    }
    expect(aligned + replaced).toBe(segments.length);
    expect(aligned / segments.length).toBeGreaterThan(0.8);
  });
});
