// anysync/synckit, tested against what synckit documents (its README, its option and environment variable
// list, and its changelog's behaviours): the same worker files and calls, written for synckit, must work.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TimeoutError, WorkerCrashError } from '../../dist/synchronizer/index.js';
import { createSyncFn, runAsWorker } from '../../dist/synckit/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const SYNCKIT = new URL('../../dist/synckit/index.js', import.meta.url).href;

type Behaviours = (action: string, value?: unknown) => Promise<unknown>;

let fresh = 0;

/** A worker file of its own (synckit keeps one function per path): it serves the shared behaviours. */
function freshWorker(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anysync-synckit-worker-'));
  const file = join(dir, `worker-${++fresh}.mjs`);
  writeFileSync(
    file,
    `import { runAsWorker } from ${JSON.stringify(SYNCKIT)};
     import { behave } from ${JSON.stringify(fixture('behave.mjs').href)};
     runAsWorker(behave);`,
  );
  return file;
}

function script(body: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'anysync-synckit-'));
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

  it('runAsWorker outside a worker does nothing', () => {
    expect(() => runAsWorker(async () => 1)).not.toThrow();
    expect(() => runAsWorker('nope' as never)).toThrow(TypeError);
  });
});
