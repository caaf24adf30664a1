import { afterAll, describe, expect, it } from 'vitest';
import { CloneError, Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';
import type * as Constants from './fixtures/constants.mjs';

const sync = new Synchronizer({ timeout: 10_000 });
const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
afterAll(() => sync.close());

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}

  norm() {
    return Math.hypot(this.x, this.y);
  }
}

class Plain {
  constructor(readonly value: number) {}
}

function refusal(call: () => unknown): CloneError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CloneError);
    return error as CloneError;
  }
  throw new Error('expected a CloneError');
}

describe('arguments that cannot cross fail at once, naming their path', () => {
  it('refuses a function argument', { timeout: 5_000 }, () => {
    const error = refusal(() => api.echo(() => 1));
    expect(error.path).toBe('arguments[0]');
    expect(error.message).toMatch(/arguments\[0\] is a function; functions cannot cross/);
  });

  it('refuses a function nested in plain data', { timeout: 5_000 }, () => {
    const error = refusal(() => api.add(1, { options: { onProgress: () => {} } } as never));
    expect(error.path).toBe('arguments[1].options.onProgress');
  });

  it('refuses a class instance whose methods would be lost', { timeout: 5_000 }, () => {
    const error = refusal(() => api.echo([0, new Point(3, 4)]));
    expect(error.path).toBe('arguments[0][1]');
    expect(error.message).toMatch(/Point instance; its methods would be lost/);
  });

  it('refuses symbols, and values the structured clone rejects', { timeout: 5_000 }, () => {
    expect(refusal(() => api.echo({ key: Symbol('s') })).path).toBe('arguments[0].key');
    const error = refusal(() => api.echo({ weak: new WeakMap() }));
    expect(error.path).toBe('arguments[0].weak');
  });

  it('refuses through the async twin with a rejected promise', async () => {
    await expect(api.echo.async(() => 1)).rejects.toBeInstanceOf(CloneError);
  });

  it('lets data-only class instances and cyclic data through', () => {
    expect(api.echo(new Plain(5))).toEqual({ value: 5 });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const back = api.echo(cyclic) as Record<string, unknown>;
    expect(back.self).toBe(back);
  });

  it('still works after a refused call', () => {
    refusal(() => api.echo(() => 1));
    expect(api.add(1, 2)).toBe(3);
  });
});

describe('results that cannot cross', () => {
  it('names the path of a symbol in a result', { timeout: 5_000 }, () => {
    expect(() => api.returnsSymbol()).toThrow(/result\.nested\[1\] is a symbol/);
  });

  it('asks to await a promise returned inside a result', { timeout: 5_000 }, () => {
    expect(() => api.returnsPromiseInside()).toThrow(/result\.later is a promise; await it/);
  });
});

describe('arguments keep the shape structured clone gives them', () => {
  it('reads a getter in an options object once per call, blocking or not', async () => {
    let reads = 0;
    const options = {
      get width() {
        reads++;
        return 80;
      },
      tabs: false,
    };
    expect(api.describe(options).json).toBe('{"width":80,"tabs":false}');
    expect(reads).toBe(1);
    expect((await api.describe.async(options)).json).toBe('{"width":80,"tabs":false}');
    expect(reads).toBe(2);
  });

  it('sends an object reached twice as one object, handles inside it too', () => {
    const counter = new api.Counter(3);
    const part = { counter };
    expect(api.shapeOf({ a: part, b: part })).toMatchObject({ shared: true });
    expect(api.shapeOf({ a: counter, b: counter })).toMatchObject({ shared: true });
    const pair = api.echo([part, part, counter, counter]) as unknown[];
    expect(pair[0]).toBe(pair[1]);
    expect(pair[2]).toBe(counter);
    expect(pair[3]).toBe(counter);
    const cyclic: Record<string, unknown> = { counter };
    cyclic.self = cyclic;
    expect(api.shapeOf(cyclic)).toEqual({ shared: false, cyclic: true, counter: 3, ownProto: false });
    const back = api.echo(cyclic) as Record<string, unknown>;
    expect(back.self).toBe(back);
    expect(back.counter).toBe(counter);
  });

  it('keeps the shape of a cycle through an array that holds a handle', () => {
    const counter = new api.Counter(4);
    const list: unknown[] = [counter];
    const owner = { list, self: undefined as unknown };
    list.push(owner);
    owner.self = owner;
    const back = api.echo(owner) as { list: unknown[]; self: unknown };
    expect(back.self).toBe(back);
    expect(back.list[0]).toBe(counter);
    expect(back.list[1]).toBe(back);
  });

  it('translates handles inside data-only class instances and own __proto__ properties', () => {
    const counter = new api.Counter(5);
    expect(api.shapeOf(new Holder(counter)).counter).toBe(5);
    const record = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    Object.defineProperty(record, '__proto__', { value: counter, enumerable: true, writable: true });
    expect(api.shapeOf(record).ownProto).toBe(true);
  });

  it('walks data whose every level refers twice to the next without repeating itself for ever', () => {
    let level: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 40; i++) level = { left: level, right: level };
    expect(api.pairedDepth(level)).toBe(40);
    let withHandle: Record<string, unknown> = { counter: new api.Counter(1) };
    for (let i = 0; i < 40; i++) withHandle = { left: withHandle, right: withHandle };
    expect(api.pairedDepth(withHandle)).toBe(40);
  });

  it('sends a module namespace inside plain data as the namespace, not a copy of its values', () => {
    const constants = sync.load<typeof Constants>(new URL('./fixtures/constants.mjs', import.meta.url));
    expect(api.tagOf(constants)).toBe('[object Module]');
    // As JSON, each part would arrive as a copy of its own.
    expect(api.shapeOf({ a: constants, b: constants }).shared).toBe(true);
    expect(api.describe({ constants }).json).toBe('{"constants":{"answer":42,"name":"constants"}}');
  });
});

describe('what arguments share across them arrives shared, as structured clone of the list gives it', () => {
  /** The same call made each way it can travel: shared memory, by message (a transfer), promise-returning. */
  async function everyLane(...args: unknown[]): Promise<string[][]> {
    const spare = new Uint8Array(4);
    const byMessage = api.sharedArguments.with({ transfer: [spare.buffer] })(...args, spare);
    return [api.sharedArguments(...args), byMessage, await api.sharedArguments.async(...args)];
  }

  it('sends one record passed twice as one object', async () => {
    const record = { id: 7, tags: ['a'] };
    expect(await everyLane(record, record)).toEqual([['0=1'], ['0=1'], ['0=1']]);
  });

  it('sends a record and another holding it with the one inside', async () => {
    const list = [1, 2, 3];
    expect(await everyLane(list, { list })).toEqual([['1>0'], ['1>0'], ['1>0']]);
    const entry = { n: 1 };
    expect(await everyLane(entry, new Map([['k', entry]]))).toEqual([['1>0'], ['1>0'], ['1>0']]);
  });

  it('sends one typed array or one Date passed twice as one', async () => {
    const bytes = new Uint8Array(8);
    expect(await everyLane(bytes, bytes)).toEqual([['0=1'], ['0=1'], ['0=1']]);
    const when = new Date(0);
    expect(await everyLane(when, when)).toEqual([['0=1'], ['0=1'], ['0=1']]);
  });

  it('keeps handles inside shared arguments', async () => {
    const counter = new api.Counter(2);
    const part = { counter };
    const expected = ['0=1', '0>2', '1>2', '2:Counter'];
    for (const seen of await everyLane(part, part, counter)) expect([...seen].sort()).toEqual(expected);
  });

  it('still sends arguments that share nothing as separate objects', async () => {
    expect(await everyLane({ a: 1 }, { a: 1 }, new Uint8Array(2), new Uint8Array(2))).toEqual([[], [], []]);
    expect(api.echo([{ a: 1 }, 'x'])).toEqual([{ a: 1 }, 'x']);
  });
});

class Holder {
  constructor(readonly counter: unknown) {}
}
