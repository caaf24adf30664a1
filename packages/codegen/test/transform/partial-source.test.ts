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

  it('reports positions in a skipped region, and names a skipped region may declare', () => {
    const partial = PartialSource.plan(SOURCE, NEEDLES) as PartialSource;
    const inSkipped = SOURCE.indexOf('helper(1)');
    const inKept = SOURCE.indexOf('helper(2)');
    const code = (...positions: number[]) => {
      const list = Int32Array.from(positions);
      return { code: list, jsDoc: new Int32Array(), statements: list };
    };
    expect(partial.holdsSkipped(code(0, inKept))).toBe(false);
    expect(partial.holdsSkipped(code(0, inSkipped, inKept))).toBe(true);
    expect(partial.holdsSkipped({ code: undefined, jsDoc: undefined, statements: undefined })).toBe(true);
    // Declared in a skipped statement: `const one`, `function two`.
    expect(partial.mayDeclareAny(SOURCE, ['one'])).toBe(true);
    expect(partial.mayDeclareAny(SOURCE, ['two'])).toBe(true);
    // Only used there (`helper(1)`), only in kept statements, not whole words, or nothing asked.
    expect(partial.mayDeclareAny(SOURCE, ['helper', 'load', 'elper', 'Promise'])).toBe(false);
    expect(partial.mayDeclareAny(SOURCE, [])).toBe(false);
  });

  it('keeps a statement for words in its code or in its JSDoc, not for prose or other comments', () => {
    const text = [
      "import { helper } from './helper.js'",
      '/** Then the promises settle, asynchronously (see runPromise). */',
      'export const prose = helper(1) // await here? no',
      '/** @returns {Promise<number>} the value */',
      'export const typed = helper(2)',
      '/** Tagged. @async */',
      'export const tagged = helper(3)',
      '/* then a block comment */',
      'export const plain = helper(4)',
      'export const called = helper(5).then(String)',
      'export const last = helper(6)',
      '',
    ].join('\n');
    const partial = PartialSource.plan(text, /async|await|Promise|then/) as PartialSource;
    const seen = partial.text;
    for (const kept of ['typed', 'tagged', 'called']) expect(seen).toContain(`export const ${kept} =`);
    for (const skipped of ['prose', 'plain', 'last']) expect(seen).not.toContain(`export const ${skipped} =`);
    // A word a rule edits in JSDoc found in a skipped comment (here: one the plan did not predict) is
    // reported; prose in a skipped comment is not.
    const prose = text.indexOf('Then the promises');
    const noted = text.indexOf('await here');
    const hits = (statements: number[], jsDoc: number[]) => ({
      code: Int32Array.from([...statements, ...jsDoc].sort((a, b) => a - b)),
      statements: Int32Array.from(statements),
      jsDoc: Int32Array.from(jsDoc),
    });
    expect(partial.holdsSkipped(hits([prose, noted], []))).toBe(false);
    expect(partial.holdsSkipped(hits([], [prose]))).toBe(true);
    // A needle that matters only inside the statement declaring it (not in `statements`) is no reason.
    const inCode = text.indexOf('helper(1)');
    expect(partial.holdsSkipped(hits([inCode], []))).toBe(true);
    expect(partial.holdsSkipped({ ...hits([], []), code: Int32Array.from([inCode]) })).toBe(false);
  });

  it('tells a declaration from a use of a name in skipped code, and ignores comments', () => {
    const text = [
      'export async function load() {}',
      'export const uses = Symbol.for("x") + Thing.y + call(1) + a.Named + maybe?.z // Other',
      '/** Other, Named */',
      'export function* Gen() {}',
      'export namespace Space.Inner {}',
      'const { Picked } = source',
      'export const filler = [1, 2, 3].map(String)',
      '',
    ].join('\n');
    const partial = PartialSource.plan(text, /async/) as PartialSource;
    expect(partial.text).not.toContain('Symbol');
    expect(partial.mayDeclareAny(text, ['Symbol', 'Thing', 'call', 'Named', 'maybe', 'Other'])).toBe(false);
    for (const declared of ['Gen', 'Space', 'Picked', 'filler']) {
      expect(partial.mayDeclareAny(text, [declared]), declared).toBe(true);
    }
  });

  it('declines when too little would be skipped or the text does not lex', () => {
    const mostlyKept = `export async function f() {\n${'  await g()\n'.repeat(20)}}\nexport const a = 1\n`;
    expect(PartialSource.plan(mostlyKept, NEEDLES)).toBeUndefined();
    expect(PartialSource.plan('export const a = "\n', NEEDLES)).toBeUndefined();
    expect(PartialSource.plan('export const a = 1\n', NEEDLES)).toBeUndefined();
  });
});
