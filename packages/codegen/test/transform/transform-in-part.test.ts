import { describe, expect, it } from 'vitest';
import { defaultMappings } from '../../src/mappings/default-mappings.js';
import { MappingTable } from '../../src/mappings/mapping-table.js';
import { NameConvention } from '../../src/names/name-convention.js';
import { typescriptParser } from '../../src/parser/typescript-parser.js';
import { statementNeedles } from '../../src/transform/may-change.js';
import { transform, transformInPart, transformParsed } from '../../src/transform/transform.js';
import type { TransformOptions } from '../../src/transform/transform-options.js';
import { fixtureInputs } from '../support/fixture-inputs.js';
import { effectSources, repositorySources } from '../support/repository-sources.js';

const mappings = new MappingTable(defaultMappings('anysync/runtime'));

/** The transform of the whole tree: what a file parsed in part must agree with. */
function whole(text: string, options: TransformOptions) {
  return transformParsed(typescriptParser.parse(options.fileName, text, { jsDoc: 'on-demand' }), {
    ...options,
    mappings,
  });
}

function inPart(text: string, options: TransformOptions) {
  const needles = statementNeedles(options, NameConvention.for(options.names), mappings) as RegExp;
  return transformInPart(text, { ...options, mappings }, needles);
}

/** Statements with none of the rules' words, so that a file has enough to skip. */
const FILLER = Array.from(
  { length: 8 },
  (_, i) => `export const filler${i} = [${i}, ${i + 1}].map(String)\n`,
).join('');

describe('transform of a file parsed in part', () => {
  it('gives every fixture, every source of this repository and every file of effect the twin and diagnostics of the whole parse', () => {
    const inputs = [...fixtureInputs(), ...repositorySources(), ...effectSources()];
    expect(inputs.length).toBeGreaterThan(800);
    let partly = 0;
    for (const input of inputs) {
      const options = { fileName: `/project/src/input${input.extension}`, sourceMap: false };
      const expected = whole(input.text, options);
      const part = inPart(input.text, options);
      if (part !== undefined) {
        partly += 1;
        expect(part.code, input.name).toBe(expected.code);
        expect(part.diagnostics, input.name).toEqual(expected.diagnostics);
      }
      const actual = transform(input.text, options);
      expect(actual.code, input.name).toBe(expected.code);
      expect(actual.diagnostics, input.name).toEqual(expected.diagnostics);
    }
    // Most files with async code are transformed from a partial tree; the rest fell back to the whole.
    expect(partly).toBeGreaterThan(250);
    // Some 1,700 files transformed three ways: ~15 s on a quiet machine, the margin is for a loaded one.
  }, 120_000);

  it('maps the twin back to the async source as the whole parse does', () => {
    const text = `import { readFile } from 'node:fs/promises'\n${FILLER}export async function load(): Promise<string> {\n  return await readFile('a', 'utf8')\n}\n${FILLER}`;
    const options = { fileName: '/project/src/load.ts' };
    const part = inPart(text, options);
    expect(part).toBeDefined();
    expect(part?.code).toContain("return readFileSync('a', 'utf8')");
    expect(part?.code).toContain(FILLER);
    expect(part?.map).toEqual(whole(text, options).map);
  });

  it('parses the whole file when a skipped statement uses an import the twin renames', () => {
    const text = `import { readFile } from 'node:fs/promises'\n${FILLER}export const reader = readFile\nexport async function load() {\n  return await readFile('a')\n}\n`;
    const options = { fileName: '/project/src/a.ts', sourceMap: false };
    expect(inPart(text, options)).toBeUndefined();
    const { code } = transform(text, options);
    expect(code).toContain('export const reader = readFileSync');
    expect(code).toBe(whole(text, options).code);
  });

  it('parses the whole file when a skipped statement calls an async function of the file without awaiting it', () => {
    const text = `export async function load() {\n  return 1\n}\n${FILLER}export const started = load()\n`;
    const options = { fileName: '/project/src/a.ts', sourceMap: false };
    expect(inPart(text, options)).toBeUndefined();
    const { diagnostics } = transform(text, options);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual(
      whole(text, options).diagnostics.map((d) => [d.rule, d.line]),
    );
    expect(diagnostics.length).toBeGreaterThan(0);
  });

  it('skips a statement that only shares a name with an async method of a class elsewhere', () => {
    const text = `export class Reader {\n  async next() {\n    return 1\n  }\n  async all() {\n    return [await this.next()]\n  }\n}\n${FILLER}export const step = (it: { next(): number }) => it.next()\n${FILLER}`;
    const options = { fileName: '/project/src/a.ts', sourceMap: false };
    const part = inPart(text, options);
    expect(part).toBeDefined();
    expect(part?.code).toBe(whole(text, options).code);
    expect(part?.code).toContain('return [this.next()]');
  });

  it('parses the whole file when a skipped statement declares a name a rule resolved', () => {
    const text = `${FILLER}export const Symbol = { iterator: 'own' }\nexport const key = Symbol.asyncIterator\n${FILLER}`;
    const options = { fileName: '/project/src/a.ts', sourceMap: false };
    expect(inPart(text, options)).toBeUndefined();
    const { code } = transform(text, options);
    expect(code).toBe(text);
    // Without the shadowing declaration the global is renamed: the check above is what kept it.
    const global = `${FILLER}export const key = Symbol.asyncIterator\n${FILLER}`;
    expect(inPart(global, options)?.code).toContain('Symbol.iterator');
  });

  it('parses the whole file when the kept statements do not parse alone, and reports its syntax errors', () => {
    const text = `${FILLER}export async function load() {\n  return await (1\n}\n${FILLER}`;
    const options = { fileName: '/project/src/a.ts', sourceMap: false };
    expect(inPart(text, options)).toBeUndefined();
    expect(transform(text, options).diagnostics[0]?.rule).toBe('syntax-error');
  });

  it('is not tried for files whose module format or syntax the text alone cannot tell (.js, .tsx)', () => {
    const text = `${FILLER}export async function load() {\n  return await 1\n}\n${FILLER}`;
    expect(inPart(text, { fileName: '/project/src/a.js' })).toBeUndefined();
    expect(inPart(text, { fileName: '/project/src/a.tsx' })).toBeUndefined();
    expect(inPart(text, { fileName: '/project/src/a.mts' })).toBeDefined();
  });
});
