import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const INDEX = new URL('../../dist/synchronizer/index.js', import.meta.url).href;
const LOADERS = new URL('./fixtures/loaders/', import.meta.url);
const at = (path: string) => new URL(path, LOADERS).href;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

/**
 * Runs `body` (after `import { Synchronizer }`) in a fresh Node process started with `flags`: each case
 * needs the process's own command line, and a hang must turn into a failure (the kill timeout).
 */
function run(flags: string[], body: string, env: Record<string, string> = {}) {
  const dir = tempDir('anysync-loaders-');
  const script = join(dir, 'main.mjs');
  writeFileSync(script, `import { Synchronizer } from ${JSON.stringify(INDEX)};\n${body}`);
  const result = spawnSync(process.execPath, [...flags, script], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: fileURLToPath(LOADERS),
    env: { ...process.env, TS_NODE_PROJECT: fileURLToPath(new URL('tsconfig.json', LOADERS)), ...env },
  });
  const errors = result.stderr
    .split('\n')
    .filter(
      (line) =>
        line.trim() &&
        !/ExperimentalWarning|DeprecationWarning|--trace-|--import 'data:|register\(\)/.test(line),
    );
  return { stdout: result.stdout.trim(), errors, status: result.status };
}

const cjsCalls = `
  const sync = new Synchronizer({ loadTimeout: 40_000 });
  const { sum } = sync.load(${JSON.stringify(at('cjs/sum.ts'))});
  const { product } = sync.load(${JSON.stringify(at('cjs/product.cts'))});
  console.log(sum({ a: 2, b: 3 }), product(4, 5));
`;

describe('TypeScript loaders reach the worker', () => {
  it("loader: 'tsx' reads CommonJS .ts and .cts modules too", { timeout: 60_000 }, () => {
    const result = run([], cjsCalls.replace('loadTimeout: 40_000', "loadTimeout: 40_000, loader: 'tsx'"));
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('5 20');
  });

  it('a process run with -r ts-node/register: its CommonJS hook serves the worker', {
    timeout: 60_000,
  }, () => {
    // (ts-node's require hook covers .ts; .cts it leaves to its ES module loader, not given here.)
    const result = run(
      ['-r', 'ts-node/register'],
      `const sync = new Synchronizer({ loadTimeout: 40_000 });
       console.log(sync.load(${JSON.stringify(at('cjs/sum.ts'))}).sum({ a: 2, b: 3 }));`,
      { TS_NODE_TRANSPILE_ONLY: '1' },
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('5');
  });

  it("loader: 'ts-node' registers its hooks for both module systems", { timeout: 60_000 }, () => {
    const result = run(
      [],
      `${cjsCalls.replace('loadTimeout: 40_000', "loadTimeout: 40_000, loader: 'ts-node'")}
       console.log(sync.load(${JSON.stringify(at('esm.mts'))}).greet('ts-node'));`,
      { TS_NODE_TRANSPILE_ONLY: '1' },
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('5 20\nhello ts-node');
  });

  it('a process run with --loader ts-node/esm: the worker inherits it', { timeout: 60_000 }, () => {
    const result = run(
      ['--loader', 'ts-node/esm'],
      `const sync = new Synchronizer({ loadTimeout: 40_000 });
       console.log(sync.load(${JSON.stringify(at('esm.mts'))}).greet('loader'));`,
      { TS_NODE_TRANSPILE_ONLY: '1' },
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('hello loader');
  });

  it('a process run with --import tsx, with an execArgv of its own: the worker still has tsx', {
    timeout: 60_000,
  }, () => {
    const result = run(
      ['--import', 'tsx'],
      `const sync = new Synchronizer({ loadTimeout: 40_000, execArgv: ['--no-deprecation'] });
       const { greet } = sync.load(${JSON.stringify(at('esm.mts'))});
       const { sum } = sync.load(${JSON.stringify(at('cjs/sum.ts'))});
       console.log(greet('tsx'), sum({ a: 1, b: 1 }));`,
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('hello tsx 2');
  });
});

describe('module hooks registered at run time are registered again on the worker', () => {
  it('module.register()', { timeout: 30_000 }, () => {
    const result = run(
      [],
      `import { register } from 'node:module';
       register(${JSON.stringify(at('virtual-hooks.mjs'))});
       const sync = new Synchronizer();
       console.log(sync.load('virtual:answer').answer());`,
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('42');
  });

  it.runIf(major > 22 || (major === 22 && minor >= 15))('module.registerHooks()', { timeout: 30_000 }, () => {
    const result = run(
      [],
      `await import(${JSON.stringify(at('register-sync-hooks.mjs'))});
       const sync = new Synchronizer();
       console.log(sync.load('virtual:sync-answer').answer());`,
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('43');
  });
});

describe('loader packages are found where the loaded module is', () => {
  it('one whose entry is exported only to import, installed beside the module, not beside anysync', {
    timeout: 30_000,
  }, () => {
    // As @oxc-node/core/register and @swc-node/register/esm-register are: require.resolve cannot see it.
    const project = tempDir('anysync-import-only-');
    const pkg = join(project, 'node_modules', '@demo', 'import-only-loader');
    mkdirSync(join(pkg, 'lib'), { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@demo/import-only-loader',
        type: 'module',
        exports: { './register': { types: './lib/register.d.ts', import: './lib/register.js' } },
      }),
    );
    writeFileSync(
      join(pkg, 'lib', 'register.js'),
      `import { register } from 'node:module';\nregister('./hooks.js', import.meta.url);\n`,
    );
    writeFileSync(
      join(pkg, 'lib', 'hooks.js'),
      `export async function resolve(specifier, context, next) {
         if (specifier === 'virtual:import-only') return { url: specifier, shortCircuit: true };
         return next(specifier, context);
       }
       export async function load(url, context, next) {
         if (url !== 'virtual:import-only') return next(url, context);
         return { format: 'module', source: 'export const answer = async () => 44;', shortCircuit: true };
       }\n`,
    );
    const module = join(project, 'uses-virtual.mjs');
    writeFileSync(module, `export { answer } from 'virtual:import-only';\n`);
    const result = run(
      [],
      `const sync = new Synchronizer({ loader: '@demo/import-only-loader/register' });
       console.log(sync.load(${JSON.stringify(module)}).answer());`,
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('44');
  });

  it('one whose require build of the entry fails when imported (as tsx/esm/api does) gets its import build', {
    timeout: 30_000,
  }, () => {
    const project = tempDir('anysync-dual-loader-');
    const pkg = join(project, 'node_modules', '@demo', 'dual-loader');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@demo/dual-loader',
        exports: { './api': { require: './api.cjs', import: './api.mjs' } },
      }),
    );
    writeFileSync(join(pkg, 'api.cjs'), `throw new Error('the require build, imported');\n`);
    writeFileSync(
      join(pkg, 'api.mjs'),
      `import { register as registerHooks } from 'node:module';
       export function register() { registerHooks('./hooks.mjs', import.meta.url); }\n`,
    );
    writeFileSync(
      join(pkg, 'hooks.mjs'),
      `export async function resolve(specifier, context, next) {
         if (specifier === 'virtual:dual') return { url: specifier, shortCircuit: true };
         return next(specifier, context);
       }
       export async function load(url, context, next) {
         if (url !== 'virtual:dual') return next(url, context);
         return { format: 'module', source: 'export const answer = async () => 45;', shortCircuit: true };
       }\n`,
    );
    const module = join(project, 'uses-dual.mjs');
    writeFileSync(module, `export { answer } from 'virtual:dual';\n`);
    const result = run(
      [],
      `const sync = new Synchronizer({ loader: '@demo/dual-loader/api' });
       console.log(sync.load(${JSON.stringify(module)}).answer());`,
    );
    expect(result.errors).toEqual([]);
    expect(result.stdout).toBe('45');
  });
});
