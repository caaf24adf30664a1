// anysync/synckit, tested against what synckit documents (its README, its option and environment variable
// list, and its changelog's behaviours): the same worker files and calls, written for synckit, must work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TimeoutError, WorkerCrashError } from '../../dist/synchronizer/index.js';
import { createSyncFn, extractProperties, runAsWorker, TsRunner } from '../../dist/synckit/index.js';
import { synchronizerOptions } from '../../src/synckit/synckit-options.js';
import { tempDir } from '../support/temp-dir.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const SYNCKIT = new URL('../../dist/synckit/index.js', import.meta.url).href;

type Behaviours = (action: string, value?: unknown) => Promise<unknown>;

/**
 * Worker files written by the tests. Their workers are never closed (synckit has no way to): the directory
 * is removed once the file's tests are done, when those workers are idle with their modules loaded.
 */
const workers = tempDir('anysync-synckit-worker-');
let fresh = 0;

/** A worker file of its own (synckit keeps one function per path): it serves the shared behaviours. */
function freshWorker(): string {
  const file = join(workers, `worker-${++fresh}.mjs`);
  writeFileSync(
    file,
    `import { runAsWorker } from ${JSON.stringify(SYNCKIT)};
     import { behave } from ${JSON.stringify(fixture('behave.mjs').href)};
     runAsWorker(behave);`,
  );
  return file;
}

function script(body: string, env: Record<string, string> = {}) {
  const dir = tempDir('anysync-synckit-');
  const file = join(dir, 'main.mjs');
  writeFileSync(file, `import { createSyncFn } from ${JSON.stringify(SYNCKIT)};\n${body}`);
  return spawnSync(process.execPath, [file], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
}

describe('createSyncFn: the README example', () => {
  it('runs the worker function synchronously, from an absolute path, a file URL string or a URL', () => {
    const byPath = createSyncFn<(a: number, b: number) => Promise<number>>(fileURLToPath(fixture('add.mjs')));
    expect(byPath(1, 2)).toBe(3);
    // The same worker path gives the same function (synckit caches per path).
    expect(createSyncFn(fixture('add.mjs').href)).toBe(byPath);
    expect(createSyncFn(fixture('add.mjs'))).toBe(byPath);
  });

  it('refuses a relative worker path ("the worker path must be absolute")', () => {
    expect(() => createSyncFn('./fixtures/add.mjs')).toThrow(/workerPath must be absolute/);
    expect(() => createSyncFn(42 as never)).toThrow(TypeError);
  });

  it('takes a path without an extension as its .ts file, else its .js file, as synckit does', () => {
    const dir = mkdtempSync(join(workers, 'bare-'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    writeFileSync(
      join(dir, 'worker.js'),
      `import { runAsWorker } from ${JSON.stringify(SYNCKIT)};\nrunAsWorker(async () => 'the .js file');`,
    );
    expect(createSyncFn<() => Promise<string>>(join(dir, 'worker'))()).toBe('the .js file');
    expect(() => createSyncFn(join(dir, 'missing'))()).toThrow(/missing/);
  });

  it('says so when the worker file never calls runAsWorker', () => {
    const fn = createSyncFn(fixture('no-runner.mjs'));
    expect(() => fn()).toThrow(/did not call runAsWorker/);
  });
});

describe('createSyncFn: results and errors', () => {
  const call = createSyncFn<Behaviours>(fixture('behaviours.mjs'), { timeout: 10_000 });

  it('returns what the Structured Clone Algorithm carries', () => {
    const value = {
      date: new Date(0),
      map: new Map([['a', 1]]),
      list: [1, 'two'],
      bytes: new Uint8Array([3]),
    };
    expect(call('echo', value)).toEqual(value);
  });

  it('rethrows the worker error with its own properties (code and the rest)', () => {
    let thrown: unknown;
    try {
      call('throw', 'bad input');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(thrown).toMatchObject({ message: 'bad input', code: 'E_SYNCKIT', details: { retry: false } });
  });

  it('replays the worker output before the call returns', () => {
    const result = script(`
      const call = createSyncFn(${JSON.stringify(fixture('behaviours.mjs').href)});
      console.log('before');
      const value = call('log', 'inside');
      console.log('after', value);`);
    expect(result.stdout).toBe('before\ninside\nafter logged\n');
    expect(result.stderr).toBe('err:inside\n');
  });

  it('passes execArgv to the worker', () => {
    const flags = createSyncFn<Behaviours>(freshWorker(), { execArgv: ['--no-deprecation'] })('execArgv');
    expect(flags).toContain('--no-deprecation');
  });
});

describe('createSyncFn: timeout', () => {
  it('fails a call past its timeout (a number or { timeout }), and the next call is not affected', () => {
    const byNumber = createSyncFn<Behaviours>(freshWorker(), 200);
    expect(() => byNumber('sleep', 2_000)).toThrow(TimeoutError);
    expect(byNumber('echo', 'next')).toBe('next');
    const byOption = createSyncFn<Behaviours>(freshWorker(), { timeout: 200 });
    expect(() => byOption('sleep', 2_000)).toThrow(/timed out after 200 ms/);
    expect(byOption('sleep', 10)).toBe(10);
  });

  it('takes its defaults from SYNCKIT_TIMEOUT, SYNCKIT_EXEC_ARGV and SYNCKIT_TS_RUNNER', () => {
    const result = script(
      `const call = createSyncFn(${JSON.stringify(fixture('behaviours.mjs').href)});
       try { call('sleep', 2000); } catch (error) { console.log(error.name); }
       console.log(call('execArgv').includes('--no-deprecation'));
       console.log(createSyncFn(${JSON.stringify(fixture('commonjs.cts').href)})('cts'));`,
      { SYNCKIT_TIMEOUT: '300', SYNCKIT_EXEC_ARGV: '--no-deprecation', SYNCKIT_TS_RUNNER: 'tsx' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('TimeoutError\ntrue\nCTS\n');
  });
});

describe('createSyncFn: failures never hang', () => {
  it('a worker that exits fails the call, and later calls rethrow', () => {
    const call = createSyncFn<Behaviours>(freshWorker());
    expect(() => call('exit', 3)).toThrow(WorkerCrashError);
    expect(() => call('echo', 1)).toThrow(/exited with code 3/);
  });
});

describe('createSyncFn: TypeScript workers (tsRunner)', () => {
  it("runs a .ts worker, and prefers the .ts sibling of a .js path, with tsRunner: 'tsx'", () => {
    const mapped = createSyncFn<() => Promise<string>>(fixture('mapped.js'), { tsRunner: 'tsx' });
    expect(mapped()).toBe('TypeScript source');
  });

  it("runs a CommonJS .cts worker with tsRunner: 'tsx'", () => {
    const upper = createSyncFn<(text: string) => Promise<string>>(fixture('commonjs.cts'), {
      tsRunner: 'tsx',
    });
    expect(upper('shout')).toBe('SHOUT');
  });

  it('runs a TypeScript worker given no tsRunner as synckit does: Node strips its types, or ts-node runs it', {
    timeout: 60_000,
  }, () => {
    // ts-node is installed in this repository, so on Node without type stripping it is the default.
    const worker = fileURLToPath(fixture('cjs/double.ts'));
    const project = fileURLToPath(fixture('cjs/tsconfig.json'));
    const result = script(`console.log(createSyncFn(${JSON.stringify(worker)})(21));`, {
      TS_NODE_PROJECT: project,
    });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toBe('42\n');
    // Not when the worker gets a loader otherwise, nor for JavaScript.
    expect(synchronizerOptions({ execArgv: ['--import', 'tsx'] }, worker).options.loader).toBeUndefined();
    expect(synchronizerOptions(undefined, worker.replace(/\.ts$/, '.js')).options.loader).toBeUndefined();
  });

  it('refuses an unknown runner and unsupported options with the reason', () => {
    expect(() => createSyncFn(freshWorker(), { tsRunner: 'babel' as never })).toThrow(
      /tsRunner must be one of node, bun, ts-node/,
    );
    expect(() => createSyncFn(freshWorker(), { globalShims: true as never })).toThrow(
      /globalShims is not supported/,
    );
    expect(() => createSyncFn(freshWorker(), -5)).toThrow(RangeError);
  });
});

describe('transferList and runAsWorker', () => {
  it('transferList: the buffers are transferred to the worker (detached here) when it starts', () => {
    const buffer = new ArrayBuffer(16);
    const start = createSyncFn<() => Promise<string>>(fixture('transfer.mjs'), { transferList: [buffer] });
    expect(start()).toBe('started');
    expect(buffer.byteLength).toBe(0);
    expect(start()).toBe('started');
  });

  it("runAsWorker called by a module the worker file imports registers the worker file's function", () => {
    const multiply = createSyncFn<(a: number, b: number) => Promise<number>>(fixture('served-by-helper.mjs'));
    expect(multiply(6, 7)).toBe(42);
  });

  it('a file that is its own worker (runAsWorker, then createSyncFn of its own path) works, ESM and CommonJS', async () => {
    // Loaded again on the worker, the file makes a sync function there too: it must not start a worker of
    // its own, nor stop the file from serving.
    const { repeat } = (await import(fixture('own-worker.mjs').href)) as {
      repeat: (text: string, times: number) => string;
    };
    expect(repeat('ab', 3)).toBe('ababab');
    const multiply = createRequire(import.meta.url)(fileURLToPath(fixture('own-worker.cjs'))) as (
      a: number,
      b: number,
    ) => { product: number; inWorker: boolean };
    expect(multiply(6, 7)).toEqual({ product: 42, inWorker: true });
  });

  it('runAsWorker outside a worker does nothing', () => {
    expect(() => runAsWorker(async () => 1)).not.toThrow();
    expect(() => runAsWorker('nope' as never)).toThrow(TypeError);
  });
});

describe("values cross as synckit's structured clone carries them", () => {
  type Tree = { type: string; children: Tree[]; parent?: Tree; clone?: unknown };
  const structured = createSyncFn<(kind: string, value?: unknown) => Promise<unknown>>(
    fixture('structured.mjs'),
  );

  it('a class instance in a result (an AST of them) arrives as a copy of its own properties, cycles kept', () => {
    const root = structured('tree') as Tree;
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(root.clone).toBeUndefined();
    expect(root.type).toBe('root');
    expect(root.children[0]?.type).toBe('leaf');
    expect(root.children[0]?.parent).toBe(root);
    const inMap = structured('tree in a map') as Map<string, Tree>;
    expect(Object.getPrototypeOf(inMap.get('root'))).toBe(Object.prototype);
  });

  it('a class instance argument arrives as a copy too, where the Synchronizer itself refuses it', async () => {
    class Node {
      children: Node[] = [];
      parent?: Node;
      constructor(readonly type: string) {}
      clone() {
        return new Node(this.type);
      }
    }
    const root = new Node('root');
    const leaf = new Node('leaf');
    leaf.parent = root;
    root.children.push(leaf);
    const described = { plain: true, type: 'root', parentKept: true };
    expect(structured('describe', root)).toEqual(described);
    await expect(structured.async('describe', root)).resolves.toEqual(described);
  });

  it('a function fails with DataCloneError, in a result or an argument, and the worker serves on', () => {
    const cloneFailure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'no error';
    };
    expect(cloneFailure(() => structured('function inside'))).toMatch(
      /^DataCloneError: .*could not be cloned/,
    );
    expect(cloneFailure(() => structured('describe', { type: 'x', children: [], run: () => 1 }))).toMatch(
      /^DataCloneError: .*could not be cloned/,
    );
    expect(structured('records')).toEqual({ list: [1, 2], when: new Date(0) });
  });
});

describe("synckit's other exports", () => {
  it('TsRunner names the runners as synckit does, and createSyncFn takes them', () => {
    expect(TsRunner.TSX).toBe('tsx');
    expect(TsRunner.TsNode).toBe('ts-node');
    expect(Object.values(TsRunner)).toEqual([
      'node',
      'bun',
      'ts-node',
      'esbuild-register',
      'esbuild-runner',
      'oxc',
      'swc',
      'tsx',
    ]);
    const mapped = createSyncFn<() => Promise<string>>(fixture('mapped.ts'), { tsRunner: TsRunner.TSX });
    expect(mapped()).toBe('TypeScript source');
  });

  it('extractProperties copies the enumerable properties of an object, inherited ones too', () => {
    const error = Object.assign(new Error('bad input'), { code: 'E_INPUT', line: 3 });
    expect(extractProperties(error)).toEqual({ code: 'E_INPUT', line: 3 });
    const inherited = Object.create({ base: 1 }) as Record<string, number>;
    inherited.own = 2;
    expect(extractProperties(inherited)).toEqual({ own: 2, base: 1 });
    const source = { nested: { deep: true } };
    expect(extractProperties(source).nested).toBe(source.nested);
    expect(extractProperties(source)).not.toBe(source);
    expect(extractProperties(undefined)).toBeUndefined();
    expect(extractProperties('text')).toBeUndefined();
    expect(extractProperties(null)).toBeUndefined();
  });
});
