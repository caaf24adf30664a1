import { describe, expect, it } from 'vitest';
import { abortable } from '../../src/concurrency/abortable.js';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';

describe('abortable()', () => {
  it('resolves or rejects like the promise it waits for', async () => {
    await expect(abortable(Promise.resolve(3))).resolves.toBe(3);
    await expect(abortable(Promise.reject(new Error('no')))).rejects.toThrow('no');
  });

  it('stops waiting when the signal aborts, and swallows the late rejection', async () => {
    const controller = new AbortController();
    let rejectLater: (error: Error) => void = () => {};
    const slow = new Promise<never>((_, reject) => (rejectLater = reject));
    const waiting = abortable(slow, { signal: controller.signal });
    controller.abort('gave up');
    await expect(waiting).rejects.toBe('gave up');
    rejectLater(new Error('late')); // must not surface as an unhandled rejection
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('stops waiting when the current scope is cancelled', async () => {
    const result = await moveOnAfter(5, () => abortable(new Promise(() => {})));
    expect(result).toBeUndefined();
  });

  it('accepts any thenable', async () => {
    // biome-ignore lint/suspicious/noThenProperty: a foreign thenable is exactly what this test needs
    const thenable = { then: (resolve: (value: string) => void) => resolve('ok') };
    await expect(abortable(thenable as unknown as PromiseLike<string>)).resolves.toBe('ok');
  });
});
