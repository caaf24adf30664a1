import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { tempProject } from '../support/temp-project.js';

// A timer in the source makes the generator import `sleepSync` from `anysync/runtime` into the twin.
const SLEEPER = `import { setTimeout as delay } from 'node:timers/promises';

export async function napAsync(ms: number): Promise<void> {
  await delay(ms);
}
`;
const PLAIN = `export async function twiceAsync(x: number): Promise<number> {
  return x * 2;
}
`;
const config = { rules: [{ from: 'src/_async', to: 'src/_sync' }] };
const manifest = (fields: object) => JSON.stringify({ name: 'my-lib', version: '1.0.0', ...fields });

describe('generate() and the runtime dependency', () => {
  it('warns, with the import located, when the nearest package.json lacks anysync', async () => {
    const project = tempProject({
      'package.json': manifest({ devDependencies: { '@anysync/codegen': '^0.1.0', anysync: '^0.1.0' } }),
      'src/_async/sleeper.ts': SLEEPER,
    });
    const report = await generate(config, { root: project.root });
    expect(report.failed).toBe(0);
    expect(report.written).toBe(1);
    expect(report.diagnostics).toHaveLength(1);
    const [warning] = report.diagnostics;
    expect(warning).toMatchObject({
      severity: 'warning',
      rule: 'missing-dependency',
      file: `${project.root}/src/_sync/sleeper.ts`,
      text: 'anysync/runtime',
      suggestion: expect.stringContaining('npm install anysync'),
    });
    expect(warning?.message).toContain(`${project.root}/package.json does not list \`anysync\``);
    const line = project.read('src/_sync/sleeper.ts').split('\n')[(warning?.line ?? 0) - 1];
    expect(line?.slice((warning?.column ?? 0) - 1)).toMatch(/^anysync\/runtime'/);
  });

  it.each([
    ['dependencies', { dependencies: { anysync: '^0.1.0' } }],
    ['peerDependencies', { peerDependencies: { anysync: '^0.1.0' } }],
  ])('is quiet when anysync is in %s', async (_, fields) => {
    const project = tempProject({ 'package.json': manifest(fields), 'src/_async/sleeper.ts': SLEEPER });
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics).toEqual([]);
  });

  it('uses the nearest package.json, not the root one', async () => {
    const project = tempProject({
      'package.json': manifest({ dependencies: { anysync: '*' } }),
      'src/package.json': manifest({ name: 'inner' }),
      'src/_async/sleeper.ts': SLEEPER,
    });
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['missing-dependency']);
    expect(report.diagnostics[0]?.message).toContain(`${project.root}/src/package.json`);
  });

  it('is quiet for twins that import nothing from anysync', async () => {
    const project = tempProject({ 'package.json': manifest({}), 'src/_async/twice.ts': PLAIN });
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics).toEqual([]);
  });

  it('also sees require() in CommonJS twins', async () => {
    const project = tempProject({
      'package.json': manifest({}),
      'src/_async/nap.cjs': `const { setTimeout: delay } = require('node:timers/promises');

async function napAsync(ms) {
  await delay(ms);
}
module.exports = { napAsync };
`,
    });
    const report = await generate(config, { root: project.root });
    expect(report.diagnostics.map((d) => `${d.rule} ${d.text}`)).toEqual([
      'missing-dependency anysync/runtime',
    ]);
  });
});
