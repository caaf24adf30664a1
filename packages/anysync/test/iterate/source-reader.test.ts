import { describe, expect, it } from 'vitest';
import { SourceReader } from '../../src/iterate/source-reader.js';
import { tracked } from './tracked-source.js';

describe('SourceReader', () => {
  it('rejects what is not iterable, naming the caller', () => {
    expect(() => new SourceReader(42 as never, 'map(): source')).toThrow(
      new TypeError('map(): source must be an iterable or async iterable, got 42'),
    );
    expect(() => new SourceReader(null as never, 'zip()')).toThrow(TypeError);
  });

  it('awaits the values of a sync iterable, as for await does', async () => {
    const reader = new SourceReader([Promise.resolve(1), 2], 'test');
    expect(await reader.next()).toEqual({ done: false, value: 1 });
    expect(await reader.next()).toEqual({ done: false, value: 2 });
    expect(await reader.next()).toEqual({ done: true, value: undefined });
    expect(reader.finished).toBe(true);
  });

  it('shares a pending next() between callers', async () => {
    const { source, log } = tracked([1, 2]);
    const reader = new SourceReader(source, 'test');
    const [a, b] = await Promise.all([reader.next(), reader.next()]);
    expect(a).toBe(b);
    expect(log.pulled).toBe(1);
  });

  it('close() waits for the cleanup of an idle source', async () => {
    const { source, log } = tracked([1, 2, 3]);
    const reader = new SourceReader(source, 'test');
    await reader.next();
    await reader.close();
    expect(log.closed).toBe(true);
    expect(await reader.next()).toEqual({ done: true, value: undefined });
  });

  it('close() with a next() pending closes the source once it answers, without waiting for it', async () => {
    let release: () => void = () => {};
    let closed = false;
    async function* slow() {
      try {
        await new Promise<void>((resolve) => (release = resolve));
        yield 1;
        yield 2;
      } finally {
        closed = true;
      }
    }
    const reader = new SourceReader(slow(), 'test');
    const pending = reader.next();
    await reader.close(); // returns although the source has not answered
    expect(closed).toBe(false);
    release();
    expect(await pending).toEqual({ done: false, value: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
  });

  it('never opens a source only to close it', async () => {
    let opened = false;
    const iterable = {
      [Symbol.asyncIterator]() {
        opened = true;
        return { next: async () => ({ done: true as const, value: undefined }) };
      },
    };
    await new SourceReader(iterable, 'test').close();
    expect(opened).toBe(false);
  });
});
