import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { formatDiagnostic } from '../../src/diagnostics/format-diagnostic.js';
import { runProject } from '../../src/generate/project-run.js';
import { transform } from '../../src/transform/transform.js';
import type { TransformOptions } from '../../src/transform/transform-options.js';
import { findAsyncResidue } from '../../src/verify/find-async-residue.js';
import { verifyProjectRun } from '../../src/verify/verify-project-run.js';
import { type TwinToVerify, verifyTwins } from '../../src/verify/verify-twins.js';
import { typedProject } from '../support/typed-project.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repository = path.join(here, '..', '..', '..', '..');
const fixtures = path.join(here, '..', 'fixtures');

// No false positives: twins known to be right must verify clean.
describe('verification of correct twins reports nothing', () => {
  const examples = readdirSync(path.join(repository, 'examples'))
    .map((name) => path.join(repository, 'examples', name))
    .filter((dir) => readdirSync(dir).some((file) => file.startsWith('anysync.config.')));

  it.each(examples.map((dir) => [path.basename(dir), dir]))('examples/%s', async (_name, dir) => {
    const run = runProject(await loadConfig(dir), { sourceMaps: true });
    expect(run.files.length).toBeGreaterThan(0);
    const report = verifyProjectRun(run);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(report.twinsChecked).toBe(run.files.length);
    expect(report.projects).toEqual([path.join(dir, 'tsconfig.json')]);
  });

  it("every golden fixture's expected twin that check passes, in one strict project", () => {
    // Fixtures import packages that exist nowhere: an ambient `declare module '*'` stands for them
    // (untyped, as in both twins), while Node's own modules keep their types.
    const project = typedProject({
      'package.json': '{ "type": "module" }\n',
      'packages.d.ts': "declare module '*';\n",
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'esnext',
          module: 'nodenext',
          allowJs: true,
          checkJs: true,
          allowImportingTsExtensions: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['**/*'],
      }),
    });
    const twins: TwinToVerify[] = [];
    const withResidue: string[] = [];
    for (const rule of readdirSync(fixtures).sort()) {
      for (const name of readdirSync(path.join(fixtures, rule)).sort()) {
        const twin = fixtureTwin(path.join(fixtures, rule, name), path.join(project.root, rule, name));
        // A twin with async code left by a directive fails `check` on its own (and does not compile).
        if (twin && findAsyncResidue(twin.code, twin.target).length > 0) withResidue.push(`${rule}/${name}`);
        else if (twin) twins.push(twin);
      }
    }
    expect(twins.length).toBeGreaterThan(30);
    expect(withResidue.length).toBeLessThan(3);
    const report = verifyTwins(twins, { cwd: project.root });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(report.twinsChecked).toBe(twins.length);
    expect(report.projects).toEqual([path.join(project.root, 'tsconfig.json')]);
  });
});

/** A fixture's twin as `fixtures.test.ts` transforms it, placed under `dir`; none if it has errors. */
function fixtureTwin(fixture: string, dir: string): TwinToVerify | undefined {
  const input = readdirSync(fixture).find((file) => file.startsWith('input.'));
  if (input === undefined) return undefined;
  const extension = input.slice('input'.length);
  const expectedFile = path.join(fixture, `expected${extension}`);
  if (!existsSync(expectedFile)) return undefined;
  const optionsFile = path.join(fixture, 'options.json');
  const extra = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<TransformOptions>)
    : {};
  const source = path.join(dir, '_async', `input${extension}`);
  const target = path.join(dir, '_sync', `input${extension}`);
  const sourceText = readFileSync(path.join(fixture, input), 'utf8');
  const result = transform(sourceText, {
    fileName: source,
    outFileName: target,
    pathRules: [{ from: path.join(dir, '_async'), to: path.join(dir, '_sync') }],
    ...extra,
    sourceMap: true,
  });
  if (result.hasErrors || result.map === undefined) return undefined;
  expect(result.code, fixture).toBe(readFileSync(expectedFile, 'utf8'));
  return { source, sourceText, target, code: result.code, map: result.map };
}
