import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ClosedError, ModuleLoadError, Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';
import type * as ExportedValues from './fixtures/exported-values.mjs';
import { tempDir } from '../support/temp-dir.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const INDEX = new URL('../../dist/synchronizer/index.js', import.meta.url).href;

/** Runs a script in a fresh Node process; the kill timeout turns a hang into a failure. */
function runScript(source: string, timeout = 15_000) {
  const dir = tempDir('anysync-');
  const file = join(dir, 'script.mjs');
  writeFileSync(file, source);
  return spawnSync(process.execPath, [file], { encoding: 'utf8', timeout });
}

describe('Synchronizer', () => {
  const sync = new Synchronizer({ timeout: 10_000 });
  afterAll(() => sync.close());

  it('starts no worker until the first load', () => {
    const lazy = new Synchronizer();
    expect(lazy.started).toBe(false);
    expect(lazy.threadId).toBeUndefined();
    lazy.load('node:path');
    expect(lazy.started).toBe(true);
    expect(lazy.threadId).toBeGreaterThan(0);
    return lazy.close();
  });

  it('calls async and sync functions of a module synchronously', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    expect(api.add(2, 3)).toBe(5);
    expect(api.multiply(4, 5)).toBe(20);
    expect(api.delayed(5, 'later')).toBe('later');
  });

  it('copies exported plain values and lists every export', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    expect(api.VERSION).toBe('1.2.3');
    expect(api.settings).toEqual({ retries: 3, tags: ['a', 'b'] });
    expect(Object.keys(api)).toEqual(expect.arrayContaining(['add', 'count', 'Counter', 'VERSION']));
  });

  it('copies exported arrays and built-ins (Date, RegExp, Map, errors) as values, not handles', () => {
    const values = sync.load<typeof ExportedValues>(fixture('exported-values.mjs'));
    expect(Array.isArray(values.LIST)).toBe(true);
    expect([...values.LIST]).toEqual([0, 0]);
    expect(values.WHEN).toBeInstanceOf(Date);
    expect(values.WHEN.getTime()).toBe(0);
    expect(values.PATTERN).toBeInstanceOf(RegExp);
    expect(values.PATTERN.lastIndex).toBe(0);
    expect(values.TABLE.get(1)).toBe('one');
    expect(values.PROBLEM).toBeInstanceOf(SyntaxError);
    expect(values.NESTED).toEqual({ list: [1] });
    // An array holding functions cannot be copied: it is read from the worker, its functions callable.
    expect(values.HANDLERS[0]?.()).toBe('first');
  });

  it('runs a getter of an exported object once (a copy), or on each access (an object with methods)', async () => {
    const own = new Synchronizer();
    try {
      const values = own.load<typeof ExportedValues>(fixture('exported-values.mjs'));
      expect(values.CONFIG.answer).toBe(42);
      expect(values.CONFIG.self).toBe(values.CONFIG);
      expect(values.getterRuns()).toEqual({ config: 1, tools: 0 });
      expect(values.TOOLS.name()).toBe('tools');
      expect([values.TOOLS.uses, values.TOOLS.uses]).toEqual([1, 2]);
    } finally {
      await own.close();
    }
  });

  it('returns the same proxy when a module is loaded twice', () => {
    expect(sync.load(fixture('api.mjs'))).toBe(sync.load(fixture('api.mjs').href));
  });

  it('loads modules by absolute path and by bare specifier', () => {
    const path = sync.load<typeof import('node:path')>('node:path');
    expect(path.join('a', 'b')).toBe(join('a', 'b'));
    const api = sync.load<typeof Api>(fileURLToPath(fixture('api.mjs')));
    expect(api.add(1, 1)).toBe(2);
  });

  it('carries every kind of value both ways', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const values = [
      undefined,
      null,
      true,
      false,
      0,
      -1.5,
      Number.NaN,
      '',
      'ascii',
      'ünïcödé ✓ 🚀',
      123n,
      [1, 'two', { three: 3 }],
      { nested: { deep: [new Date(0)] } },
      new Map([['a', 1]]),
      new Set([1, 2]),
      new Uint8Array([1, 2, 3]),
      /re/g,
    ];
    for (const value of values) expect(api.echo(value)).toEqual(value);
    expect(api.echo([1, 2, 'mixed', 3])).toEqual([1, 2, 'mixed', 3]);
  });

  it('gives Buffers their own memory on both sides: the next call does not write over them', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const first = api.bytesOf('first file contents');
    api.bytesOf('SECOND FILE CONTENTS');
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(first.toString()).toBe('first file contents');
    api.keepBytes(Buffer.from('kept argument'));
    api.keepBytes(Buffer.from('OVERWRITTEN!!'));
    expect(api.keptText(0)).toBe('kept argument');
    const echoed = api.echo(Buffer.from('hello'));
    api.echo(Buffer.from('WORLD'));
    expect(Buffer.isBuffer(echoed)).toBe(true);
    expect(echoed.toString()).toBe('hello');
  });

  it('keeps lone surrogates in strings, top-level or nested, blocking or async', async () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    for (const text of ['a\ud800b', '\udc00', 'ünï \ud83d']) {
      expect(api.echo(text)).toBe(text);
      expect(api.echo({ text })).toStrictEqual({ text });
      expect(await api.echo.async(text)).toBe(text);
    }
  });

  it('carries Blobs and Files by message, which the serializer drops or refuses', async () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const blob = api.echo(new Blob(['blob text'])) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe('blob text');
    const nested = api.echo({ file: new Blob(['nested']) }) as { file: Blob };
    expect(await nested.file.text()).toBe('nested');
    // Node 22 and later serialize a Blob as an empty object: it must not take the shared area there.
    // (A File arrives as what postMessage makes of it: a Blob, on Node.)
    expect(api.tagOf(new File(['x'], 'a.txt'))).toMatch(/^\[object (File|Blob)\]$/);
    expect((api.echo([new Blob(['in a list'])]) as Blob[])[0]).toBeInstanceOf(Blob);
    // Maps, Sets and Errors cross whole, not walked: a Blob inside them must still be found.
    const inMap = api.echo(new Map([['k', [new Blob(['in a map'])]]])) as Map<string, Blob[]>;
    expect(await inMap.get('k')?.[0]?.text()).toBe('in a map');
    const inSet = api.echo(new Set([{ blob: new Blob(['in a set']) }])) as Set<{ blob: Blob }>;
    expect(await [...inSet][0]?.blob.text()).toBe('in a set');
    const inError = api.echo(new Error('outer', { cause: new Blob(['a cause']) })) as Error;
    expect(await (inError.cause as Blob).text()).toBe('a cause');
  });

  it('translates handles, functions and signals inside Maps and Sets, and refuses what would be lost', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const double = api.toolsInMap().get('double');
    expect(double?.(21)).toBe(42);
    const counter = new api.Counter(7);
    expect(api.membersOf(new Map([['c', counter]]))).toEqual([7]);
    expect(api.membersOf(new Set([counter, new AbortController().signal, 'x']))).toEqual([
      7,
      'signal',
      'string',
    ]);
    expect(() => api.membersOf(new Map([['f', () => 1]]))).toThrow(
      expect.objectContaining({
        name: 'CloneError',
        message: expect.stringMatching(/arguments\[0\]\.f is a function/),
      }),
    );
    class Point {
      x = 1;
      norm() {
        return this.x;
      }
    }
    expect(() => api.membersOf(new Set([new Point()]))).toThrow(/arguments\[0\]\[0\] is a Point instance/);
  });

  it('refuses a handle, a function or a signal in an Error’s cause, which would cross as a copy', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const counter = new api.Counter(1);
    expect(() => api.echo(new Error('outer', { cause: counter }))).toThrow(
      expect.objectContaining({
        name: 'CloneError',
        message: expect.stringMatching(/^arguments\[0\] holds in its cause/),
      }),
    );
    expect(() => api.echo(new Error('outer', { cause: () => 1 }))).toThrow(
      /arguments\[0\]\.cause is a function/,
    );
    const signal = new AbortController().signal;
    expect(() => api.echo(new AggregateError([new Error('inner', { cause: { signal } })]))).toThrow(
      /arguments\[0\]\.errors\[0\] holds in its cause/,
    );
    expect(() => api.errorCausedByTool()).toThrow(
      expect.objectContaining({ name: 'CloneError', message: expect.stringMatching(/holds in its cause/) }),
    );
    // Data in a cause crosses as it always did.
    const plain = api.echo(new Error('outer', { cause: { code: 7, list: [1] } })) as Error;
    expect(plain.cause).toEqual({ code: 7, list: [1] });
  });

  it('gives remote functions the name and length of the worker functions', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    expect([api.add.name, api.add.length]).toEqual(['add', 2]);
    expect([api.add.with({ timeout: 1000 }).name, api.echo.length]).toEqual(['add', 1]);
    expect([api.count.name, api.Counter.create.name, api.Counter.create.length]).toEqual([
      'count',
      'create',
      1,
    ]);
    const counter = new api.Counter(1);
    expect([counter.same.name, counter.same.length]).toEqual(['same', 1]);
    // A function value keeps its own name: an arrow returned from a call has none.
    const adder = api.makeAdder(1);
    expect([adder.name, adder.length, adder.with({}).length]).toEqual(['', 1, 1]);
    expect([api.makeTally.name, api.makeTally.length]).toEqual(['makeTally', 0]);
  });

  it('returns a plain object with methods as a handle whose methods keep their this', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const tally = api.makeTally();
    expect(tally.add(2)).toBe(2);
    expect(tally.add(3)).toBe(5);
  });

  it('carries strings far larger than the shared area starts with', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const ascii = 'x'.repeat(3 * 1024 * 1024);
    const unicode = 'é🚀'.repeat(200_000);
    expect(api.echo(ascii)).toBe(ascii);
    expect(api.echo(unicode)).toBe(unicode);
    expect(api.echo({ big: ascii })).toEqual({ big: ascii });
  });

  it('carries records of text on either side of the JSON length budget exactly, both ways', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    for (const length of [7_000, 8_200, 9_000, 60_000]) {
      for (const text of ['x'.repeat(length), 'é€😀'.repeat(length / 4), `${'q'.repeat(length)}\ud800"`]) {
        const record = { code: text, map: null, warnings: [{ line: 1, text }], extra: undefined };
        const back = api.echo(record);
        expect(isDeepStrictEqual(back, record)).toBe(true);
        expect(Object.keys(back)).toEqual(['code', 'map', 'warnings', 'extra']);
      }
    }
  });

  it('carries lists past the JSON node budget exactly, shared objects and all, both ways', () => {
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    const shared = { tag: 'shared' };
    const rows = Array.from({ length: 2_000 }, (_, id) => ({ id, name: `row ${id}`, ok: id % 2 === 0 }));
    const mixed = [
      ...rows.slice(0, 500),
      shared,
      shared,
      new Date(0),
      undefined,
      -0,
      new Map([[1, rows[0]]]),
    ];
    for (const value of [rows, mixed]) {
      const back = api.echo(value);
      expect(isDeepStrictEqual(back, value)).toBe(true);
    }
    const back = api.echo(mixed) as unknown[];
    expect(back[500]).toBe(back[501]);
    expect(Object.is(back[504], -0)).toBe(true);
  });

  it('sends values larger than the shared memory limit by message instead of failing', async () => {
    const small = new Synchronizer({ sharedMemoryLimit: 64 * 1024 });
    const api = small.load<typeof Api>(fixture('api.mjs'));
    const text = 'y'.repeat(1024 * 1024);
    expect(api.echo(text)).toBe(text);
    expect(api.describe(text).json.length).toBe(text.length + 2);
    await small.close();
  });

  it('refuses relative paths with a hint', () => {
    expect(() => sync.load('./fixtures/api.mjs')).toThrow(
      /new URL\('\.\/fixtures\/api\.mjs', import\.meta\.url\)/,
    );
  });

  it('passes env and execArgv to the worker', async () => {
    const custom = new Synchronizer({
      env: { ANYSYNC_TEST_VALUE: 'from the caller' },
      execArgv: ['--no-warnings'],
    });
    const env = custom.load<typeof import('./fixtures/env.mjs')>(fixture('env.mjs'));
    const { value, execArgv } = env.read('ANYSYNC_TEST_VALUE');
    expect(value).toBe('from the caller');
    expect(execArgv.at(-1)).toBe('--no-warnings');
    // The process's own preloads (its loaders) come along, with the guard that reports their failures first.
    const preloads = process.execArgv.filter((_flag, i, all) =>
      /^(--require|-r|--import)$/.test(all[i - 1] ?? ''),
    );
    for (const preload of preloads) expect(execArgv).toContain(preload);
    await custom.close();
  });

  it('gives the worker the program’s arguments (process.argv after the script)', () => {
    const dir = tempDir('anysync-argv-');
    const file = join(dir, 'tool.mjs');
    writeFileSync(
      file,
      `import { Synchronizer } from ${JSON.stringify(INDEX)};
      const sync = new Synchronizer();
      const env = sync.load(${JSON.stringify(fixture('env.mjs').href)});
      console.log(JSON.stringify([process.argv.slice(2), env.read('X').args]));
      await sync.close();`,
    );
    const run = spawnSync(process.execPath, [file, '--no-color', 'input.txt'], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      ['--no-color', 'input.txt'],
      ['--no-color', 'input.txt'],
    ]);
  });

  it('shares the process environment with the worker, unless env gives it its own', async () => {
    const env = sync.load<typeof import('./fixtures/env.mjs')>(fixture('env.mjs'));
    const name = `ANYSYNC_SHARED_${process.pid}`;
    try {
      process.env[name] = 'set after load';
      expect(env.read(name).value).toBe('set after load');
      env.write(name, 'set by the worker');
      expect(process.env[name]).toBe('set by the worker');
      env.write(name, undefined);
      expect(process.env[name]).toBeUndefined();
      const own = new Synchronizer({ env: { ANYSYNC_OWN: '1' } });
      const ownEnv = own.load<typeof import('./fixtures/env.mjs')>(fixture('env.mjs'));
      process.env[name] = 'not seen';
      expect(ownEnv.read(name).value).toBeUndefined();
      ownEnv.write(name, 'kept on the worker');
      expect(process.env[name]).toBe('not seen');
      await own.close();
    } finally {
      delete process.env[name];
    }
  });

  it('keeps the worker event loop running during a burst of blocking calls', async () => {
    const ticker = sync.load<typeof import('./fixtures/ticker.mjs')>(fixture('ticker.mjs'));
    const api = sync.load<typeof Api>(fixture('api.mjs'));
    // Behaviour, not speed: blocking calls alone (nothing else returns the worker to its event loop) must
    // let the worker's timers fire. The cap only stops a regression from looping forever.
    const before = ticker.tickCount();
    const cap = performance.now() + 10_000;
    let ticked = false;
    while (!ticked && performance.now() < cap) {
      for (let i = 0; i < 100; i += 1) api.add(1, 2);
      ticked = ticker.tickCount() > before + 2;
    }
    expect(ticked).toBe(true);
  });

  it('gives the worker event loop a turn after a long call, before it serves the next one', () => {
    const ticker = sync.load<typeof import('./fixtures/ticker.mjs')>(fixture('ticker.mjs'));
    const before = ticker.immediateCount();
    for (let i = 1; i <= 3; i++) {
      ticker.busyThenSchedule(3);
      // The immediate the call scheduled has run: the next call was served after one turn of the loop.
      expect(ticker.immediateCount()).toBe(before + i);
    }
  });

  it('fails fast after close, and close can be awaited', async () => {
    const closing = new Synchronizer();
    const api = closing.load<typeof Api>(fixture('api.mjs'));
    const pending = expect(api.delayed.async(5_000, 'never')).rejects.toBeInstanceOf(ClosedError);
    await closing.close();
    await pending;
    expect(() => api.add(1, 2)).toThrow(ClosedError);
    expect(() => closing.load('node:path')).toThrow(ClosedError);
    expect(() => closing.load(fixture('api.mjs'))).toThrow(ClosedError);
  });

  it('loads without blocking through loadAsync', async () => {
    const api = await sync.loadAsync<typeof Api>(fixture('api.mjs'));
    expect(await api.add.async(20, 22)).toBe(42);
  });
});

describe('Synchronizer failures that must not hang', () => {
  it('reports a module that throws while loading', { timeout: 10_000 }, async () => {
    const sync = new Synchronizer({ loadTimeout: 5_000 });
    expect(() => sync.load(fixture('throws-on-load.mjs'))).toThrow(ModuleLoadError);
    try {
      sync.load(fixture('throws-on-load.mjs'));
    } catch (error) {
      expect((error as Error).message).toMatch(/throws-on-load\.mjs.*refuses to load/);
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
    // The worker survives a failed load.
    expect(sync.load<typeof Api>(fixture('api.mjs')).add(1, 2)).toBe(3);
    await sync.close();
  });

  it('reports a module with a syntax error and a module that does not exist', {
    timeout: 10_000,
  }, async () => {
    const dir = tempDir('anysync-');
    writeFileSync(join(dir, 'broken.mjs'), 'export const broken = ;\n');
    const sync = new Synchronizer({ loadTimeout: 5_000 });
    expect(() => sync.load(pathToFileURL(join(dir, 'broken.mjs')))).toThrow(ModuleLoadError);
    expect(() => sync.load(join(dir, 'missing.mjs'))).toThrow(/could not load .*missing\.mjs/);
    // The cause's Node code is the error's own, as code written against import() expects.
    expect(() => sync.load(join(dir, 'missing.mjs'))).toThrow(
      expect.objectContaining({ name: 'ModuleLoadError', code: 'ERR_MODULE_NOT_FOUND' }),
    );
    await sync.close();
  });
});

describe('process lifetime', () => {
  it('lets the process exit while the synchronizer is idle, without close()', { timeout: 20_000 }, () => {
    const result = runScript(`
      import { Synchronizer } from ${JSON.stringify(INDEX)};
      const sync = new Synchronizer();
      const path = sync.load('node:path');
      console.log(path.basename('/a/b.txt'));
    `);
    expect(result.error).toBeUndefined();
    expect(result.stdout.trim()).toBe('b.txt');
    expect(result.status).toBe(0);
  });

  it('keeps the process alive while a promise-returning call is pending', { timeout: 20_000 }, () => {
    const result = runScript(`
      import { Synchronizer } from ${JSON.stringify(INDEX)};
      const sync = new Synchronizer();
      const api = sync.load(${JSON.stringify(fixture('api.mjs').href)});
      api.delayed.async(200, 'done late').then((value) => console.log(value));
    `);
    expect(result.stdout.trim()).toBe('done late');
    expect(result.status).toBe(0);
  });
});
