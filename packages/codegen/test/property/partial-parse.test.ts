import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typescriptParser } from '../../src/parser/typescript-parser.js';
import { transform, transformParsed } from '../../src/transform/transform.js';
import { programArbitrary } from './program-arbitrary.js';

/**
 * Top-level statements with no word a rule acts on in their code, but with what makes a lexer stumble
 * (keywords and rule words in strings, templates, regular expressions and comments, decorators,
 * statements continued on the next line) or what the rules look up from elsewhere in the file (calls
 * to the program's async functions, shadowed globals).
 */
const FILLERS = [
  'export const plain = [1, 2].map(String)',
  '/** Then we wait; see runPromise and Promise.all. */\nexport function helper(x: number): number {\n  return x * 2\n}',
  '// await in a line comment\nlet counter = 0',
  'const text = "export const no = 1 // then"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a template, lexed, not run
  'const tpl = `\nexport ${`${1}`} then async`',
  'const re = /export|then\\/[/]/g',
  'export const ratio = (1) / 2 /\n3',
  'export type Alias = { a: number }',
  'export interface Shape {\n  b: string\n}',
  'export\nconst continued = 1',
  'export default\nclass Later {}',
  '@sealed\nexport class Decorated {}',
  '/** @returns {Promise<number>} */\nexport function typed(): number {\n  return 1\n}',
  'namespace Inner {\n  export const deep = 1\n}',
];

/** Statements the rules look at from elsewhere: each makes the file be parsed whole. */
const LOOKED_UP = [
  'export const started = step0()',
  'export const handle = gen0',
  'const Symbol = { iterator: 1 }',
  'export const Array = [1]',
];

const filler = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FILLERS) },
  { weight: 1, arbitrary: fc.constantFrom(...LOOKED_UP) },
);

describe('partial parse: a program with statements the rules skip', () => {
  it('gives the twin and diagnostics of the whole parse', () => {
    fc.assert(
      fc.property(
        programArbitrary,
        fc.array(fc.tuple(fc.nat(20), filler), { minLength: 4, maxLength: 24 }),
        ({ code }, insertions) => {
          const parts = code.split('\n\n');
          for (const [at, statement] of insertions) {
            parts.splice(at % (parts.length + 1), 0, statement.replace(/(\w+) =/, `$1${at} =`));
          }
          const text = parts.join('\n\n');
          const options = { fileName: '/virtual/src/program.mts', sourceMap: false };
          const whole = transformParsed(
            typescriptParser.parse(options.fileName, text, { jsDoc: 'on-demand' }),
            options,
          );
          const actual = transform(text, options);
          expect(actual.code).toBe(whole.code);
          expect(actual.diagnostics).toEqual(whole.diagnostics);
        },
      ),
      { numRuns: 1000 },
    );
    // ~10 s on a quiet machine; the margin is for a loaded one.
  }, 120_000);
});
