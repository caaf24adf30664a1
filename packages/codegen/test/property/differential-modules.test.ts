import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NameConvention } from '../../src/names/name-convention.js';
import { typescriptParser } from '../../src/parser/typescript-parser.js';
import { collectFileFacts } from '../../src/project/collect-file-facts.js';
import type { ProjectFacts } from '../../src/project/project-facts.js';
import { transform } from '../../src/transform/transform.js';
import { type ModuleProgram, moduleProgramArbitrary } from './module-program-arbitrary.js';

const nodeRequire = createRequire(import.meta.url);
const root = mkdtempSync(path.join(tmpdir(), 'anysync-differential-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FROM = '/virtual/_async';
const TO = '/virtual/_sync';

/** Both modules converted together, as `anysync generate` converts a project. */
function twins(program: ModuleProgram): { lib: string; main: string } {
  const names = new NameConvention();
  const files = new Map<string, ReturnType<typeof collectFileFacts>>();
  const memberRenames = new Map<string, string>();
  for (const [name, code] of [
    ['lib', program.lib],
    ['main', program.main],
  ] as const) {
    const facts = collectFileFacts(typescriptParser.parse(`${FROM}/${name}.cjs`, code).tree, names);
    files.set(`${FROM}/${name}`, facts);
    for (const [from, to] of facts.memberRenames) memberRenames.set(from, to);
  }
  const project: ProjectFacts = { files, memberRenames };
  const convert = (name: string, code: string): string => {
    const result = transform(code, {
      fileName: `${FROM}/${name}.cjs`,
      pathRules: [{ from: FROM, to: TO }],
      project,
      sourceMap: false,
    });
    expect(result.diagnostics).toEqual([]);
    return result.code;
  };
  return { lib: convert('lib', program.lib), main: convert('main', program.main) };
}

/** Evaluates CommonJS code with a `require` that serves `./lib.cjs`, the runtime and Node's built-ins. */
function load(code: string, modules: Record<string, unknown>): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string) => (specifier in modules ? modules[specifier] : nodeRequire(specifier));
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  return module.exports;
}

let runs = 0;
function directory(files: Readonly<Record<string, string>>): string {
  runs += 1;
  const dir = path.join(root, String(runs));
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function normalized(log: unknown[], dir: string): unknown[] {
  return log.map((entry) => (typeof entry === 'string' ? entry.split(dir).join('<DIR>') : entry));
}

describe('differential: CommonJS modules doing file I/O vs their generated sync twins', () => {
  it('log the same, and leave the same files behind', async () => {
    const runtime = await import('anysync/runtime');
    await fc.assert(
      fc.asyncProperty(moduleProgramArbitrary, async (program) => {
        const twin = twins(program);
        expect(twin.main).not.toMatch(/\basync\b|\bawait\b|Promise|promisify|\.then\(|\.catch\(/);
        const asyncDir = directory(program.files);
        const asyncLib = load(program.lib, {});
        const asyncMain = load(program.main.replaceAll('DIR', JSON.stringify(asyncDir)), {
          './lib.cjs': asyncLib,
        });
        const asyncLog: unknown[] = [];
        await (asyncMain.mainAsync as (log: unknown[]) => Promise<number>)(asyncLog);
        const syncDir = directory(program.files);
        const syncLib = load(twin.lib, { 'anysync/runtime': runtime });
        const syncMain = load(twin.main.replaceAll('DIR', JSON.stringify(syncDir)), {
          './lib.cjs': syncLib,
          'anysync/runtime': runtime,
        });
        const syncLog: unknown[] = [];
        const returned = (syncMain.main as (log: unknown[]) => number)(syncLog);
        expect(returned).not.toBeInstanceOf(Promise);
        expect(normalized(syncLog, syncDir)).toEqual(normalized(asyncLog, asyncDir));
        const { readdirSync, readFileSync } = nodeRequire('node:fs') as typeof import('node:fs');
        const contents = (dir: string) =>
          readdirSync(dir)
            .sort()
            .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]);
        expect(contents(syncDir)).toEqual(contents(asyncDir));
      }),
      { numRuns: 150 },
    );
    // 150 pairs of modules with real file I/O: a few seconds quiet; the margin is for a loaded machine.
  }, 120_000);
});
