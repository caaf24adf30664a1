import { afterAll, describe, expect, it } from 'vitest';
import { CloneError, Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';

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
