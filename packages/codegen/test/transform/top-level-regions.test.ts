import { describe, expect, it } from 'vitest';
import { topLevelRegions } from '../../src/transform/top-level-regions.js';

/** The regions' texts (without their leading trivia), for readable expectations. */
function cut(text: string): string[] | undefined {
  const regions = topLevelRegions(text)?.regions;
  if (regions === undefined) return undefined;
  const texts: string[] = [];
  for (let k = 0; k < regions.length; k += 3) {
    texts.push(text.slice(regions[k], regions[k + 1]).trim());
  }
  return texts;
}

describe('topLevelRegions', () => {
  it('cuts before each declaration that starts a line after a statement ended', () => {
    const text = [
      "import { a } from './a.js'",
      '/** The answer. */',
      'export const x = 1',
      'function f() {',
      '  return x',
      '}',
      'class C {}',
      'interface I {}',
      'type T = Array<string>',
      'declare const d: number',
      'namespace N {}',
      'enum E { A }',
      'abstract class B {}',
      '',
    ].join('\n');
    expect(cut(text)).toEqual([
      "import { a } from './a.js'",
      '/** The answer. */\nexport const x = 1',
      'function f() {\n  return x\n}',
      'class C {}',
      'interface I {}',
      'type T = Array<string>',
      'declare const d: number',
      'namespace N {}',
      'enum E { A }',
      'abstract class B {}',
    ]);
  });

  it('gives each region the previous one’s end as its start, and its keyword’s position', () => {
    const text = 'const a = 1;\n// note\nexport const b = 2;\n\n';
    const regions = topLevelRegions(text)?.regions;
    expect(Array.from(regions ?? [])).toEqual([
      0,
      12,
      -1,
      12,
      text.lastIndexOf(';') + 1,
      text.indexOf('export'),
    ]);
  });

  it('lists every comment, telling JSDoc from other comments', () => {
    const text = '/** doc */\nconst a = 1 // line\n/* block */ /**/\nconst b = "/* not */"\n';
    const comments = Array.from(topLevelRegions(text)?.comments ?? []);
    const at = (part: string) => [text.indexOf(part), text.indexOf(part) + part.length];
    expect(comments).toEqual([
      ...at('/** doc */'),
      1,
      ...at('// line'),
      0,
      ...at('/* block */'),
      0,
      ...at('/**/'),
      0,
    ]);
  });

  it('keeps together what a keyword on the next line continues', () => {
    expect(cut('export\nconst a = 1\nexport default\nclass A {}\n')).toEqual([
      'export\nconst a = 1',
      'export default\nclass A {}',
    ]);
    expect(cut('const f =\nfunction () {}\nconst g = a.\nexport\n')).toEqual([
      'const f =\nfunction () {}',
      'const g = a.\nexport',
    ]);
    expect(cut('if (x)\nfunction f() {}\n')).toEqual(['if (x)\nfunction f() {}']);
    expect(cut('const a = 1\nasync function f() {}\nasync () => {}\nasync\nfunction g() {}\n')).toEqual([
      'const a = 1',
      // An `async` arrow is an expression; `async` then a line break is a name, kept with what follows.
      'async function f() {}\nasync () => {}\nasync\nfunction g() {}',
    ]);
    expect(cut('const v = x instanceof\nclass {}\n')).toEqual(['const v = x instanceof\nclass {}']);
  });

  it('does not cut at an indented keyword, a dynamic import or import.meta', () => {
    expect(cut('const a = 1\n  export const b = 2\nimport("x")\nimport.meta.url\n')).toEqual([
      'const a = 1\n  export const b = 2\nimport("x")\nimport.meta.url',
    ]);
  });

  it('keeps a decorated declaration with its decorators', () => {
    expect(cut('const a = 1\n@sealed\n@tag("x")\nexport class A {}\nconst b = 2\n')).toEqual([
      'const a = 1',
      '@sealed\n@tag("x")\nexport class A {}',
      'const b = 2',
    ]);
  });

  it('never cuts inside brackets, strings, templates, comments or regular expressions', () => {
    const text = [
      'const a = {',
      'export: 1 }',
      'const s = "x\\',
      'export"',
      'const t = `',
      'export const no = ${`',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a template, lexed, not run
      'export ${{ a: `}` }}`}',
      '`',
      '/* a comment',
      'export const no = 1 */',
      'const r = /[/]\\/\'"`/g',
      'export const yes = r',
      '',
    ].join('\n');
    expect(cut(text)).toEqual([
      'const a = {\nexport: 1 }',
      'const s = "x\\\nexport"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a template, lexed, not run
      'const t = `\nexport const no = ${`\nexport ${{ a: `}` }}`}\n`',
      '/* a comment\nexport const no = 1 */\nconst r = /[/]\\/\'"`/g',
      'export const yes = r',
    ]);
  });

  it('tells a regular expression from a division by the token before the slash', () => {
    expect(cut('const a = b / c / d\nexport const e = x => /`/.test(x)\nexport const f = 1\n')).toEqual([
      'const a = b / c / d',
      'export const e = x => /`/.test(x)',
      'export const f = 1',
    ]);
    expect(cut('const a = (b) / 2 /\n1\nexport const c = typeof /"/\n')).toEqual([
      'const a = (b) / 2 /\n1',
      'export const c = typeof /"/',
    ]);
  });

  it('gives up on text that does not lex: unterminated literals or comments, unbalanced brackets', () => {
    expect(cut('const a = "x\nexport const b = 1\n')).toBeUndefined();
    expect(cut('const a = `x\n')).toBeUndefined();
    expect(cut('/* open\n')).toBeUndefined();
    expect(cut('const a = (1\n')).toBeUndefined();
    expect(cut('const a = 1)\n')).toBeUndefined();
    expect(cut('const a = /x\n/\n')).toBeUndefined();
  });

  it('reads a file with a hashbang, a byte order mark or no statements', () => {
    expect(cut('#!/usr/bin/env node\nconst a = 1\nexport {}\n')).toEqual([
      '#!/usr/bin/env node\nconst a = 1',
      'export {}',
    ]);
    expect(cut('\uFEFFconst a = 1\nexport {}\n')).toEqual(['const a = 1', 'export {}']);
    expect(cut('// only a comment\n')).toEqual(['']);
  });
});
