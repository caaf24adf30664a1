import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { transform } from '../src/transform/transform.js';
import type { TransformOptions } from '../src/transform/transform-options.js';

/**
 * Golden fixtures: each `fixtures/<rule>/<case>/` holds `input.<ext>` and either `expected.<ext>` (the
 * exact twin) or `diagnostics.txt` (the exact diagnostics), or both. An optional `options.json` holds
 * transform options. The input is transformed as if it lived in `<case>/_async/` and its twin in
 * `<case>/_sync/`.
 */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

function fixtureCases(): { rule: string; name: string; dir: string }[] {
  const cases = [];
  // `_projects` holds whole projects for `anysync generate` (project-fixtures.test.ts), not single files.
  for (const rule of readdirSync(root)
    .sort()
    .filter((name) => !name.startsWith('_'))) {
    for (const name of readdirSync(path.join(root, rule)).sort()) {
      cases.push({ rule, name, dir: path.join(root, rule, name) });
    }
  }
  return cases;
}

function formatForFixture(diagnostic: Diagnostic): string {
  const help = diagnostic.suggestion ? `\n  help: ${diagnostic.suggestion}` : '';
  return `${diagnostic.line}:${diagnostic.column} ${diagnostic.severity}[${diagnostic.rule}]: ${diagnostic.message}${help}`;
}

const byRule = new Map<string, ReturnType<typeof fixtureCases>>();
for (const fixture of fixtureCases()) {
  byRule.set(fixture.rule, [...(byRule.get(fixture.rule) ?? []), fixture]);
}

for (const [rule, cases] of byRule) {
  describe(`rule ${rule}`, () => {
    for (const { name, dir } of cases) {
      it(name, () => {
        const inputName = readdirSync(dir).find((file) => file.startsWith('input.'));
        if (!inputName) throw new Error(`fixture ${dir} has no input file`);
        const extension = inputName.slice('input'.length);
        const optionsFile = path.join(dir, 'options.json');
        const extra = existsSync(optionsFile)
          ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<TransformOptions>)
          : {};
        const options: TransformOptions = {
          fileName: path.join(dir, '_async', `input${extension}`),
          pathRules: [{ from: path.join(dir, '_async'), to: path.join(dir, '_sync') }],
          sourceMap: false,
          ...extra,
        };
        const result = transform(readFileSync(path.join(dir, inputName), 'utf8'), options);
        const expectedFile = path.join(dir, `expected${extension}`);
        const diagnosticsFile = path.join(dir, 'diagnostics.txt');
        if (!existsSync(expectedFile) && !existsSync(diagnosticsFile)) {
          throw new Error(`fixture ${dir} has neither expected${extension} nor diagnostics.txt`);
        }
        if (existsSync(expectedFile)) expect(result.code).toBe(readFileSync(expectedFile, 'utf8'));
        const diagnostics = result.diagnostics.map(formatForFixture).join('\n');
        const expectedDiagnostics = existsSync(diagnosticsFile)
          ? readFileSync(diagnosticsFile, 'utf8').trimEnd()
          : '';
        expect(diagnostics).toBe(expectedDiagnostics);
      });
    }
  });
}
