import { describe, expect, it } from 'vitest';
import { check } from '../../src/generate/check.js';
import { generate } from '../../src/generate/generate.js';
import { tempProject } from '../support/temp-project.js';

const A = 'export async function a(): Promise<number> {\n  return 1;\n}\n';
const B = 'export async function b(): Promise<number> {\n  return 2;\n}\n';
const config = { rules: [{ from: 'src/_async', to: 'src/_sync' }] };

async function generated() {
  const project = tempProject({ 'src/_async/a.ts': A, 'src/_async/b.ts': B });
  await generate(config, { root: project.root });
  return project;
}

describe('check()', () => {
  it('passes when every twin matches its source byte for byte', async () => {
    const project = await generated();
    const report = await check(config, { root: project.root });
    expect(report.ok).toBe(true);
    expect(report.files.map((file) => file.status)).toEqual(['up-to-date', 'up-to-date']);
  });

  it('reports a stale twin with a diff when the source changed', async () => {
    const project = await generated();
    project.write('src/_async/a.ts', A.replace('return 1', 'return 10'));
    const report = await check(config, { root: project.root });
    expect(report.ok).toBe(false);
    const stale = report.files.find((file) => file.status === 'stale');
    expect(stale?.diff).toContain('-  return 10;');
    expect(stale?.diff).toContain('+  return 1;');
  });

  it('reports missing, hand-edited, orphaned and not-generated files', async () => {
    const project = await generated();
    project.remove('src/_sync/a.ts');
    project.write('src/_sync/b.ts', `${project.read('src/_sync/b.ts')}// patched\n`);
    project.write('src/_async/c.ts', A);
    project.write('src/_sync/c.ts', 'export const c = 1;\n');
    project.write('src/_sync/old.ts', project.read('src/_sync/b.ts').replace('// patched\n', ''));
    const report = await check(config, { root: project.root });
    const statuses = Object.fromEntries(
      report.files.map((file) => [file.target.slice(project.root.length + 1), file.status]),
    );
    expect(statuses).toEqual({
      'src/_sync/a.ts': 'missing',
      'src/_sync/b.ts': 'hand-edited',
      'src/_sync/c.ts': 'not-generated',
      'src/_sync/old.ts': 'orphaned',
    });
  });

  it('fails on mapping entries that never fired', async () => {
    const project = await generated();
    const report = await check({ ...config, mappings: { 'never-imported': 'x' } }, { root: project.root });
    expect(report.ok).toBe(false);
    expect(report.unusedMappings).toEqual(['never-imported']);
  });

  it('writes nothing', async () => {
    const project = await generated();
    project.remove('src/_sync/a.ts');
    await check(config, { root: project.root });
    expect(() => project.read('src/_sync/a.ts')).toThrow(/ENOENT/);
  });
});

describe('check() on twins that are not synchronous', () => {
  it('fails when an ignored line leaves an await in the twin, which generate never writes', async () => {
    const source =
      'export async function a(): Promise<number> {\n  // anysync-ignore-next-line\n  return await 1;\n}\n';
    const project = tempProject({ 'src/_async/a.ts': source });
    const generated = await generate(config, { root: project.root });
    expect(generated.failed).toBe(1);
    expect(generated.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'async-residue',
        severity: 'error',
        line: 3,
        column: 10,
        text: 'await',
      }),
    ]);
    const report = await check(config, { root: project.root, verify: false });
    expect(report.ok).toBe(false);
  });
});
