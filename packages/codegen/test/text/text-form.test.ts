import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextForm } from '../../src/text/text-form.js';
import { transform } from '../../src/transform/transform.js';
import { fixtureInputs } from '../support/fixture-inputs.js';

const BOM = '\uFEFF';

describe('TextForm', () => {
  it('splits off a byte order mark and line endings, and restores both', () => {
    const { form, body } = TextForm.of(`${BOM}a\r\nb\r\n`);
    expect(body).toBe('a\nb\n');
    expect(form).toMatchObject({ bom: true, newline: '\r\n' });
    expect(form.restore('a\nx\nb\n')).toBe(`${BOM}a\r\nx\r\nb\r\n`);
  });

  it('gives a file that mixes line endings its most frequent one', () => {
    expect(TextForm.of('a\r\nb\r\nc\nd').form.newline).toBe('\r\n');
    expect(TextForm.of('a\nb\nc\r\nd').form.newline).toBe('\n');
    expect(TextForm.of('a\rb\rc\nd').form.newline).toBe('\r');
    expect(TextForm.of('no line break').form.isPlain).toBe(true);
  });
});

describe('transform() keeps the byte order mark and the line endings', () => {
  const fixtures = fixtureInputs();
  const dir = path.resolve('fixture');
  const options = (extension: string) => ({
    fileName: path.join(dir, '_async', `input${extension}`),
    pathRules: [{ from: path.join(dir, '_async'), to: path.join(dir, '_sync') }],
    sourceMap: false,
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    '%s: with a BOM and CRLF, the twin is the LF twin with a BOM and CRLF',
    (_name, fixture) => {
      const plain = transform(fixture.text, options(fixture.extension));
      const crlf = transform(`${BOM}${fixture.text.replace(/\n/g, '\r\n')}`, options(fixture.extension));
      expect(crlf.code).toBe(`${BOM}${plain.code.replace(/\n/g, '\r\n')}`);
      expect(crlf.diagnostics).toEqual(plain.diagnostics);
    },
  );

  it('ends the lines a rule adds (imports, split declarations) with the file line ending', () => {
    const source = [
      "import { readFile, watch } from 'node:fs/promises';",
      "import { setTimeout as delay } from 'node:timers/promises';",
      '',
      'export async function load(path: string): Promise<string> {',
      '  await new Promise((resolve) => setTimeout(resolve, 10));',
      '  await delay(1);',
      "  return await readFile(path, 'utf8');",
      '}',
      '',
    ].join('\r\n');
    const { code } = transform(source, { fileName: 'src/load.ts', sourceMap: false });
    expect(code).toContain("import { sleepSync } from 'anysync/runtime';\r\n");
    expect(code.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps the form of a file that cannot change', () => {
    const source = `${BOM}export const a = 1;\r\n`;
    expect(transform(source, { fileName: 'a.ts' }).code).toBe(source);
  });
});
