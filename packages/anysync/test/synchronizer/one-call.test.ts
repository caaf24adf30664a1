import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { DeadlockError, Synchronizer } from '../../dist/synchronizer/index.js';
import { tempDir } from '../support/temp-dir.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const INDEX = new URL('../../dist/synchronizer/index.js', import.meta.url).href;

interface ExposedObject {
  add(a: number, b: number): Promise<number>;
  countTo(n: number): AsyncGenerator<number>;
  Counter: new () => { increment(by?: number): Promise<number> };
  VERSION: string;
}

describe('expose(): a worker file that exports nothing', () => {
  const sync = new Synchronizer({ timeout: 10_000 });
  afterAll(() => sync.close());

  it('load() returns the proxy of the exposed object', () => {
    const api = sync.load<ExposedObject>(fixture('exposes-object.mjs'));
    expect(api.add(2, 3)).toBe(5);
    expect([...api.countTo(3)]).toEqual([1, 2, 3]);
    const counter = new api.Counter();
    counter.increment();
    expect(counter.increment(10)).toBe(11);
    expect(api.VERSION).toBe('2.0');
  });

  it('load() returns the exposed function itself, typed from the function', async () => {
    const shout = sync.load<(text: string) => Promise<string>>(fixture('exposes-function.mjs'));
    expect(typeof shout).toBe('function');
    expect(shout('hi')).toBe('HI!');
    expect(await shout.async('async')).toBe('ASYNC!');
    // The helper it imports exposed its own value, attributed to the helper's module, not to its importer.
    const helper = sync.load<{ helper(): Promise<string> }>(fixture('exposing-helper.mjs'));
    expect(helper.helper()).toBe('helper');
  });
});

describe('synchronize(): a module that makes its own async functions sync', () => {
  it('gives blocking functions, classes and generators, served by a worker of its own', async () => {
    const { api } = await import('./fixtures/self-sync.mjs');
    expect(api.add(2, 3)).toBe(5);
    expect(api.thread()).not.toBe(threadId);
    const greeter = new api.Greeter('ada');
    expect(greeter.greet()).toBe('hello ada');
    expect([...api.range(4)]).toEqual([0, 1, 2, 3]);
    expect(api.LIMIT).toBe(3);
    expect(await api.add.async(1, 1)).toBe(2);
    expect(api.add.with({ timeout: 5_000 })(4, 4)).toBe(8);
  });

  it('does not recurse: on its worker, a blocking call of itself is a DeadlockError and .async runs locally', async () => {
    const { api } = await import('./fixtures/self-sync.mjs');
    const failure = api.blockOnMyself() as unknown as { name: string; message: string };
    expect(failure.name).toBe(DeadlockError.name);
    expect(failure.message).toMatch(/add was called blocking on the worker that serves its module/);
    const [sum, thread] = api.viaAsync() as unknown as [number, number];
    expect(sum).toBe(42);
    // Answered on the module's worker, where the function ran directly.
    expect(thread).toBe(api.thread());
  });

  it('checks its options at the call, and starts nothing when inspected', async () => {
    const { synchronize } = await import('../../dist/synchronizer/index.js');
    const url = new URL('./fixtures/self-sync-function.mjs', import.meta.url);
    expect(() => synchronize(url, async () => 1, { timeout: -1 })).toThrow(RangeError);
    expect(() => synchronize('relative.js', async () => 1)).toThrow(/must be import.meta/);
    const { shoutSync } = await import('./fixtures/self-sync-function.mjs');
    expect(shoutSync.name).toBe('shout');
    expect((shoutSync as unknown as { then?: unknown }).then).toBeUndefined();
  });

  it('works for a single function', async () => {
    const { shoutSync } = await import('./fixtures/self-sync-function.mjs');
    expect(shoutSync('one call')).toBe('ONE CALL!');
  });

  it('works in CommonJS, naming the module by __filename', () => {
    const require = createRequire(import.meta.url);
    const { upperSync } = require('./fixtures/self-sync.cjs') as { upperSync: (text: string) => string };
    expect(upperSync('cjs')).toBe('CJS');
  });

  it('works in CommonJS, naming the module by its module object', () => {
    const require = createRequire(import.meta.url);
    const { reverseSync } = require('./fixtures/self-sync-module.cjs') as {
      reverseSync: (text: string) => string;
    };
    expect(reverseSync('module')).toBe('eludom');
  });

  it('names a module by a URL-like href, and refuses objects that name none', async () => {
    const { synchronize } = await import('../../dist/synchronizer/index.js');
    const href = new URL('./fixtures/self-sync-function.mjs', import.meta.url).href;
    // The href names the fixture's module, which exposed its own function already.
    expect(() => synchronize({ href }, async () => 1)).toThrow(`${href} already exposed another value`);
    expect(() => synchronize({ filename: 'tool.cjs' }, async () => 1)).toThrow(
      "got an object whose filename is 'tool.cjs'",
    );
    expect(() => synchronize({ href: 'tool.js' }, async () => 1)).toThrow(
      "got an object whose href is 'tool.js'",
    );
    expect(() => synchronize({ path: '/abs/tool.js' } as never, async () => 1)).toThrow(/got an object$/);
    expect(() => synchronize(null as never, async () => 1)).toThrow(/got null$/);
    expect(() => synchronize(import.meta, undefined as never)).toThrow(
      'synchronize(module, api): api must be an async function, a class or an object of them, got undefined',
    );
  });

  it('starts no worker until the first call, and lets the process exit afterwards', {
    timeout: 20_000,
  }, () => {
    const dir = tempDir('anysync-');
    writeFileSync(
      join(dir, 'tool.mjs'),
      `import { synchronize } from ${JSON.stringify(INDEX)};
       import { threadId } from 'node:worker_threads';
       export async function twice(x) { return [x * 2, threadId]; }
       export const twiceSync = synchronize(import.meta, twice);
       if (threadId === 0) {
         const workers = () => process.report.getReport().workers.length;
         const before = workers();
         const result = twiceSync(21);
         console.log(JSON.stringify({ before, result, after: workers() }));
       }`,
    );
    const result = spawnSync(process.execPath, [join(dir, 'tool.mjs')], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.stderr).toBe('');
    const {
      before,
      after,
      result: [value, thread],
    } = JSON.parse(result.stdout);
    expect(before).toBe(0);
    expect(after).toBe(1);
    expect(value).toBe(42);
    expect(thread).toBeGreaterThan(0);
    expect(result.status).toBe(0);
  });
});
