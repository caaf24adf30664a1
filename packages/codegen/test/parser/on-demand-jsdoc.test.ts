import { describe, expect, it } from 'vitest';
import { canParseJsDocOnDemand } from '../../src/parser/on-demand-jsdoc.js';
import { typescriptParser } from '../../src/parser/typescript-parser.js';
import { transformParsed } from '../../src/transform/transform.js';
import { fixtureInputs } from '../support/fixture-inputs.js';
import { repositorySources } from '../support/repository-sources.js';

describe('JSDoc parsed on demand', () => {
  it('is available with the pinned typescript (an upgrade that loses it must fail here)', () => {
    expect(canParseJsDocOnDemand).toBe(true);
  });

  it('gives every fixture and every documented source of this repository the same twin and diagnostics as JSDoc parsed with the tree', () => {
    const inputs = [...fixtureInputs(), ...repositorySources()];
    const withJsDoc = inputs.filter((fixture) => fixture.text.includes('/**'));
    expect(withJsDoc.length).toBeGreaterThan(150);
    for (const fixture of inputs) {
      const fileName = `/project/_async/input${fixture.extension}`;
      const options = {
        fileName,
        sourceMap: false,
        pathRules: [{ from: '/project/_async', to: '/project/_sync' }],
      };
      const eager = typescriptParser.parse(fileName, fixture.text, { jsDoc: 'with-tree' });
      const lazy = typescriptParser.parse(fileName, fixture.text, { jsDoc: 'on-demand' });
      expect(lazy.jsDocOnDemand).toBe(true);
      const expected = transformParsed(eager, options);
      const actual = transformParsed(lazy, options);
      expect(actual.code, fixture.name).toBe(expected.code);
      expect(actual.diagnostics, fixture.name).toEqual(expected.diagnostics);
    }
  });

  it('edits a JSDoc type that only a comment mentions, and leaves prose alone', () => {
    const text = [
      '/**',
      ' * Loads asynchronously, then caches; see {@link Symbol.asyncIterator}.',
      ' * @returns {Promise<AsyncIterable<string>>} the names',
      ' */',
      'export function names(): unknown {',
      '  return [];',
      '}',
      '',
    ].join('\n');
    const parsed = typescriptParser.parse('/p/a.ts', text, { jsDoc: 'on-demand' });
    const { code } = transformParsed(parsed, { fileName: '/p/a.ts', sourceMap: false });
    expect(code).toContain('@returns {Iterable<string>} the names');
    expect(code).toContain('see {@link Symbol.iterator}');
    expect(code).toContain('Loads asynchronously, then caches');
  });
});
