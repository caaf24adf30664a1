import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { DEFAULT_VERIFY_OPTIONS, TypeScriptProjects } from '../../src/verify/typescript-project.js';
import { tempProject } from '../support/temp-project.js';

const STRICT = JSON.stringify({
  compilerOptions: { strict: true, noImplicitReturns: true },
  include: ['src'],
});

describe('TypeScriptProjects', () => {
  it("finds a source's nearest tsconfig.json, walking up", () => {
    const project = tempProject({ 'tsconfig.json': STRICT, 'src/deep/_async/a.ts': 'export {};\n' });
    const found = new TypeScriptProjects(project.root).projectFor(
      path.join(project.root, 'src/deep/_async/a.ts'),
    );
    expect(found.configFile).toBe(path.join(project.root, 'tsconfig.json'));
    expect(found.options.noImplicitReturns).toBe(true);
    expect(found.fileNames).toEqual([path.join(project.root, 'src/deep/_async/a.ts')]);
  });

  it('uses the nearest config even when it does not list the file (its options are the project’s)', () => {
    const project = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { noImplicitReturns: true }, include: ['lib'] }),
      'lib/x.ts': 'export {};\n',
      'src/_async/a.ts': 'export {};\n',
    });
    const found = new TypeScriptProjects(project.root).projectFor(path.join(project.root, 'src/_async/a.ts'));
    expect(found.configFile).toBe(path.join(project.root, 'tsconfig.json'));
  });

  it('follows references from a solution-style config; without one that includes the file, the defaults', () => {
    const project = tempProject({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './packages/a' }] }),
      'packages/a/tsconfig.json': STRICT,
      'packages/a/src/_async/a.ts': 'export {};\n',
      'other/_async/b.ts': 'export {};\n',
    });
    const projects = new TypeScriptProjects(project.root);
    expect(projects.projectFor(path.join(project.root, 'packages/a/src/_async/a.ts')).configFile).toBe(
      path.join(project.root, 'packages/a/tsconfig.json'),
    );
    const orphan = projects.projectFor(path.join(project.root, 'other/_async/b.ts'));
    expect([orphan.configFile, orphan.options]).toEqual([undefined, DEFAULT_VERIFY_OPTIONS]);
  });

  it('uses an explicit tsconfig for every source, or the defaults with `false`', () => {
    const project = tempProject({ 'configs/strict.json': STRICT, 'src/_async/a.ts': 'export {};\n' });
    const source = path.join(project.root, 'src/_async/a.ts');
    expect(new TypeScriptProjects(project.root, 'configs/strict.json').projectFor(source).configFile).toBe(
      path.join(project.root, 'configs/strict.json'),
    );
    expect(new TypeScriptProjects(project.root, false).projectFor(source).configFile).toBeUndefined();
  });

  it.each([
    [
      '{ "compilerOptions": { "strict": tru } }',
      /tsconfig\.json: .*\(fix it, or skip the verification with --no-verify\)/,
    ],
    ['{ "compilerOptions": { "strictest": true } }', /tsconfig\.json: Unknown compiler option 'strictest'/],
    ['{ "extends": "./missing.json" }', /tsconfig\.json: Cannot read file '.*missing\.json'/],
  ])('refuses a config it cannot use: %s', (text, message) => {
    const project = tempProject({ 'tsconfig.json': text, 'src/_async/a.ts': 'export {};\n' });
    const projects = new TypeScriptProjects(project.root);
    const find = () => projects.projectFor(path.join(project.root, 'src/_async/a.ts'));
    expect(find).toThrow(ConfigError);
    expect(find).toThrow(message);
  });

  it('refuses an explicit tsconfig that does not exist', () => {
    const project = tempProject({ 'src/_async/a.ts': 'export {};\n' });
    expect(() =>
      new TypeScriptProjects(project.root, 'nope.json').projectFor(
        path.join(project.root, 'src/_async/a.ts'),
      ),
    ).toThrow(/cannot verify the twins: nope\.json: does not exist/);
  });
});
