import { describe, expect, it } from 'vitest';
import { typescriptParser } from '../../src/parser/typescript-parser.js';
import { PartialSource } from '../../src/transform/partial-source.js';

const NEEDLES = /async|await|Promise/;

const SOURCE = [
  "import { helper } from './helper.js'",
  '',
  '/** Plain. */',
  'export const one = helper(1)',
  '',
  'export async function load(): Promise<number> {',
  '  return await helper(2)',
  '}',
  '',
  'export function two(): number {',
  '  return helper(2) + one',
  '}',
  '',
].join('\n');

describe('PartialSource', () => {
  it('keeps the first region, imports and regions holding a needle, and blanks the rest in place', () => {
    const partial = PartialSource.plan(SOURCE, NEEDLES);
    expect(partial).toBeDefined();
    const text = partial?.text ?? '';
    expect(text).toHaveLength(SOURCE.length);
    expect(text).toContain("import { helper } from './helper.js'");
    expect(text).toContain('export async function load(): Promise<number> {\n  return await helper(2)\n}');
    expect(text).not.toContain('export const one');
    expect(text).not.toContain('export function two');
    // Kept text is at its original offsets.
    const kept = SOURCE.indexOf('export async');
    expect(text.slice(kept, kept + 21)).toBe('export async function');
  });

  it('parses into the statements the plan expects, placeholders included', () => {
    const partial = PartialSource.plan(SOURCE, NEEDLES) as PartialSource;
    const tree = typescriptParser.parse('/p/a.ts', partial.text).tree;
    expect(tree.statements.map((s) => s.kind)).toHaveLength(4);
    expect(partial.matches(tree)).toBe(true);
    // A tree of other text (here: the whole file) does not line up with the plan.
    expect(partial.matches(typescriptParser.parse('/p/a.ts', SOURCE).tree)).toBe(false);
  });

  it('reports positions and whole words that fall in a skipped region', () => {
    const partial = PartialSource.plan(SOURCE, NEEDLES) as PartialSource;
    const inSkipped = SOURCE.indexOf('helper(1)');
    const inKept = SOURCE.indexOf('helper(2)');
    expect(partial.holdsSkipped(Int32Array.from([0, inKept]))).toBe(false);
    expect(partial.holdsSkipped(Int32Array.from([0, inSkipped, inKept]))).toBe(true);
    expect(partial.skipsAnyWord(SOURCE, ['one'])).toBe(true);
    expect(partial.skipsAnyWord(SOURCE, ['load', 'elper', 'Promise'])).toBe(false);
    expect(partial.skipsAnyWord(SOURCE, [])).toBe(false);
  });

  it('declines when too little would be skipped or the text does not lex', () => {
    const mostlyKept = `export async function f() {\n${'  await g()\n'.repeat(20)}}\nexport const a = 1\n`;
    expect(PartialSource.plan(mostlyKept, NEEDLES)).toBeUndefined();
    expect(PartialSource.plan('export const a = "\n', NEEDLES)).toBeUndefined();
    expect(PartialSource.plan('export const a = 1\n', NEEDLES)).toBeUndefined();
  });
});
