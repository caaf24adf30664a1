import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleLoadError, Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';
import { tempDir } from '../support/temp-dir.js';

type Case = [options: unknown, error: typeof TypeError | typeof RangeError, message: RegExp];

const bad: Case[] = [
  [null, TypeError, /Synchronizer options must be an object, got null/],
  ['fast', TypeError, /must be an object, got 'fast'/],
  [[1], TypeError, /must be an object, got an array/],
  [{ timout: 5 }, TypeError, /unknown Synchronizer option 'timout'/],
  [{ timeout: -1 }, RangeError, /timeout must be more than 0 .* got -1/],
  [{ timeout: 0 }, RangeError, /timeout must be more than 0 .* got 0/],
  [{ timeout: Number.NaN }, RangeError, /timeout .* got NaN/],
  [{ timeout: 2 ** 31 }, RangeError, /timeout .* at most 2147483647 .* got 2147483648/],
  [{ timeout: '5' }, TypeError, /timeout must be a number of milliseconds, got '5'/],
  [{ loadTimeout: -5 }, RangeError, /loadTimeout .* got -5/],
  [{ execArgv: '--inspect' }, TypeError, /execArgv must be an array of strings, got '--inspect'/],
  [{ execArgv: ['--a', 1] }, TypeError, /execArgv\[1\] must be a string, got 1/],
  [{ env: 'A=1' }, TypeError, /env must be an object/],
  [{ env: { A: 1 } }, TypeError, /env\.A must be a string .* got 1/],
  [{ loader: 42 }, TypeError, /loader must be a string, got 42/],
  [{ loader: '' }, RangeError, /loader must not be empty/],
  [{ errors: Error }, TypeError, /errors must be an array of error classes/],
  [{ errors: [Object] }, TypeError, /errors\[0\] must be an error class .* got a function \(Object\)/],
  [{ linger: -1 }, RangeError, /linger must be a number from 0 to 1000 milliseconds, got -1/],
  [{ linger: 'long' }, TypeError, /linger must be a number of milliseconds, got 'long'/],
  [{ poll: 5000 }, RangeError, /poll must be a number from 0 to 1000 microseconds, got 5000/],
  [{ maxBatch: 0 }, RangeError, /maxBatch must be an integer from 1 .* got 0/],
  [{ maxBatch: 1.5 }, RangeError, /maxBatch must be an integer .* got 1\.5/],
  [{ sharedMemoryLimit: -1 }, RangeError, /sharedMemoryLimit must be an integer .* got -1/],
  [{ sharedMemoryLimit: 2 ** 40 }, RangeError, /sharedMemoryLimit .* got 1099511627776/],
  [{ captureOutput: 'yes' }, TypeError, /captureOutput must be true or false, got 'yes'/],
  [{ name: 7 }, TypeError, /name must be a string, got 7/],
];

describe('new Synchronizer(options) checks every option at the call', () => {
  it.each(bad)('refuses %j', (options, error, message) => {
    expect(() => new Synchronizer(options as never)).toThrow(error);
    expect(() => new Synchronizer(options as never)).toThrow(message);
  });

  it('accepts every option at the edges of its range, and Infinity for no timeout', async () => {
    const sync = new Synchronizer({
      timeout: Number.POSITIVE_INFINITY,
      loadTimeout: 2 ** 31 - 1,
      execArgv: [],
      env: { A: 'x', B: undefined },
      loader: new URL('file:///loader.mjs') as never,
      errors: [RangeError],
      linger: 0,
      poll: 0,
      maxBatch: 1,
      sharedMemoryLimit: 1,
      captureOutput: false,
      name: 'edge',
    });
    expect(sync.started).toBe(false);
    await sync.close();
  });

  it('checks registerErrors() arguments', () => {
    expect(() => new Synchronizer().registerErrors(class NotAnError {} as never)).toThrow(
      /registerErrors\(\) argument 0 must be an error class/,
    );
  });
});

describe('call options and load options', () => {
  // Made before the synchronizer's afterAll: removed after its worker, which loads from it, is closed.
  const dir = tempDir('anysync-json-');
  const sync = new Synchronizer();
  afterAll(() => sync.close());

  it('fn.with() refuses wrong options, naming them', () => {
    const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
    expect(() => api.add.with({ timeout: -1 })).toThrow(RangeError);
    expect(() => api.add.with({ timeout: -1 })).toThrow(/timeout .* got -1/);
    expect(() => api.add.with({ signal: 'x' as never })).toThrow(/signal must be an AbortSignal, got 'x'/);
    expect(() => api.add.with({ transfer: 'x' as never })).toThrow(/transfer must be an array/);
    expect(() => api.add.with({ tiemout: 5 } as never)).toThrow(/unknown call option 'tiemout'/);
    expect(() => api.add.with(null as never)).toThrow(/add.with\(\) options must be an object, got null/);
    expect(api.add.with({ timeout: 5_000 })(2, 3)).toBe(5);
  });

  it('load() refuses wrong options and wrong modules', () => {
    expect(() => sync.load('node:path', { with: 'json' } as never)).toThrow(/with must be an object/);
    expect(() => sync.load('node:path', { with: { type: 1 } } as never)).toThrow(
      /with\.type must be a string/,
    );
    expect(() => sync.load('node:path', { as: 'json' } as never)).toThrow(/unknown load option 'as'/);
    expect(() => sync.load(42 as never)).toThrow(TypeError);
  });

  it('loads a JSON module with its import attribute, given or implied by the extension', () => {
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ list: [1, 2], name: 'x' }));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ list: [3] }));
    const implied = sync.load<{ default: { list: number[] } }>(join(dir, 'data.json'));
    expect(implied.default).toEqual({ list: [1, 2], name: 'x' });
    const given = sync.load<{ default: { list: number[] } }>(pathToFileURL(join(dir, 'other.json')), {
      with: { type: 'json' },
    });
    expect(given.default).toEqual({ list: [3] });
    // A wrong attribute is the worker's import error, reported as a load failure.
    expect(() => sync.load(join(dir, 'other.json'), { with: { type: 'css' } })).toThrow(ModuleLoadError);
  });

  it('explains a bare file name: the specifier, where it was looked for, and the file next to the caller', () => {
    let failure: Error | undefined;
    try {
      sync.load('api.mjs');
    } catch (error) {
      failure = error as Error;
    }
    expect(failure).toBeInstanceOf(ModuleLoadError);
    expect(failure?.message).toMatch(/cannot load 'api\.mjs': a bare specifier names a package/);
    const beside = new URL('./api.mjs', import.meta.url).href;
    expect(failure?.message).toContain(`from ${import.meta.url} that is ${beside} (no such file either)`);
    expect(failure?.message).not.toMatch(/Cannot find package/);
  });
});
