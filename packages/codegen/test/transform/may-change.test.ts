import { describe, expect, it } from 'vitest';
import { MappingTable } from '../../src/mappings/mapping-table.js';
import { defaultMappings } from '../../src/mappings/default-mappings.js';
import { NameConvention } from '../../src/names/name-convention.js';
import { typescriptParser } from '../../src/parser/typescript-parser.js';
import { mayChange, statementNeedles } from '../../src/transform/may-change.js';
import { transform, transformParsed } from '../../src/transform/transform.js';
import type { TransformOptions } from '../../src/transform/transform-options.js';
import { fixtureInputs } from '../support/fixture-inputs.js';

const defaults = new MappingTable(defaultMappings('anysync/runtime'));
const check = (text: string, options: TransformOptions, names = NameConvention.for(options.names)) =>
  mayChange(text, options, names, defaults);

/** The transform with every file parsed: what `transform` must agree with when it skips the parse. */
function fullTransform(text: string, options: TransformOptions) {
  return transformParsed(typescriptParser.parse(options.fileName, text), options);
}

/** One-liners that each make one rule act with as few words as possible (beyond the fixtures' lines). */
const SINGLE_RULE_PIECES = [
  'load().then((x) => x);',
  'load().catch(() => 0);',
  'load().finally(() => {});',
  'export const body = (r: Response) => r;',
  'export const get = (u: string) => fetch(u);',
  'export const s = new ReadableStream();',
  'export const w: WritableStream = sink;',
  'export type T = Awaited<X>;',
  'export const key = Symbol.asyncIterator;',
  'export const all = Array.fromAsync(items);',
  "import { readFile } from 'node:fs/promises';\nexport const read = () => readFile('a');",
  "import { once } from 'node:events';\nexport const wait = once;",
  "import fs from 'node:fs';\nexport const read = () => fs.promises.readFile('a');",
  "import { setTimeout } from 'timers/promises';\nexport const pause = () => setTimeout(5);",
  'export const mode = IS_ASYNC ? 1 : 2;',
  '// anysync-skip\nexport const only = 1;\n',
  'export function loadAsync(): number {\n  return 1;\n}',
];

describe('mayChange', () => {
  it('recognises every line of every fixture that the rules change on its own', () => {
    let changing = 0;
    const singles = { name: 'single-rule pieces', extension: '.ts', text: SINGLE_RULE_PIECES.join('\n') };
    for (const fixture of [...fixtureInputs(), singles]) {
      const options = { fileName: `/project/_async/input${fixture.extension}`, sourceMap: false };
      const lines = fixture.text.split('\n').filter((line) => line.trim() !== '');
      const pieces = [fixture.text, ...lines, ...(fixture === singles ? SINGLE_RULE_PIECES : [])];
      for (const piece of pieces) {
        const full = fullTransform(piece, options);
        // A fragment that does not parse says nothing about the rules (the check does not parse).
        if (full.diagnostics.some((d) => d.rule === 'syntax-error')) continue;
        if (full.code === piece && full.diagnostics.length === 0) continue;
        changing += 1;
        expect(check(piece, options), `${fixture.name}: ${piece}`).toBe(true);
      }
    }
    // The property is only as strong as the number of changing pieces it saw.
    expect(changing).toBeGreaterThan(200);
  });

  it('lets files without any async word through unparsed, unchanged, with an identity source map', () => {
    const text = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    expect(check(text, { fileName: '/p/a.ts' })).toBe(false);
    const result = transform(text, { fileName: '/p/a.ts' });
    expect(result).toMatchObject({ code: text, diagnostics: [], hasErrors: false });
    expect(result.map?.mappings).toBe(fullTransform(text, { fileName: '/p/a.ts' }).map?.mappings);
  });

  it('sees the words of the options: the marker, explicit renames, mapped modules', () => {
    const marker = 'const value = IN_ASYNC_TWIN ? 1 : 2;\n';
    expect(check(marker, { fileName: '/p/a.ts', isAsyncMarker: 'IN_ASYNC_TWIN' })).toBe(true);
    const renamed = 'export function loadAll(): number[] {\n  return [];\n}\n';
    const names = { renames: { loadAll: 'readAll' } };
    expect(fullTransform(renamed, { fileName: '/p/a.ts', names }).code).toContain('readAll');
    expect(check(renamed, { fileName: '/p/a.ts', names })).toBe(true);
    const mapped = "import retry from 'p-retry';\nexport const run = retry;\n";
    const table = new MappingTable(defaultMappings('anysync/runtime'), { 'p-retry': 'p-retry-sync' });
    expect(mayChange(mapped, { fileName: '/p/a.ts' }, NameConvention.for(), table)).toBe(true);
    expect(mayChange(mapped, { fileName: '/p/a.ts' }, NameConvention.for(), defaults)).toBe(false);
  });

  it('does not judge from the text when imports can be re-aimed or the project is known', () => {
    const text = "import { x } from '../shared/x.js';\nexport const y = x;\n";
    const pathRules = [{ from: '/p/_async', to: '/p/_sync' }];
    expect(check(text, { fileName: '/p/_async/a.ts', pathRules })).toBe(true);
    expect(check(text, { fileName: '/p/a.ts', outFileName: '/q/a.ts' })).toBe(true);
    expect(
      check(text, { fileName: '/p/a.ts', project: { files: new Map(), memberRenames: new Map() } }),
    ).toBe(true);
    const relative = new MappingTable(defaultMappings('anysync/runtime'), { './x.js': './x-sync.js' }, '/p');
    expect(mayChange(text, { fileName: '/p/a.ts' }, NameConvention.for(), relative)).toBe(true);
  });

  it('guesses the statements the rules may change from whole words, not from parts of names', () => {
    const pattern = statementNeedles({ fileName: '/p/a.ts' }, NameConvention.for(), defaults) as RegExp;
    // As the partial parse reads it: a word of group 1 counts only with nothing word-like on its left.
    const finds = (text: string) =>
      [...text.matchAll(pattern)].some((m) => m[1] === undefined || !/[\w$]/.test(text[m.index - 1] ?? ''));
    for (const text of [
      'await x',
      'p.then(f)',
      'Promise<A>',
      'Symbol.asyncIterator',
      'loadAsync()',
      "'node:fs/promises'",
      'IS_ASYNC',
      "require('x')",
    ]) {
      expect(finds(text), text).toBe(true);
    }
    for (const text of ['runPromise(x)', 'catchAll(f)', 'authentication', 'asynchronous', 'finallyDo']) {
      expect(finds(text), text).toBe(false);
    }
    expect(
      statementNeedles({ fileName: '/p/a.ts', outFileName: '/q/a.ts' }, NameConvention.for(), defaults),
    ).toBeUndefined();
  });
});
