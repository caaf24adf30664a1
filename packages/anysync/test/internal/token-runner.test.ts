import { describe, expect, it } from 'vitest';
import { TokenRunner } from '../../src/internal/token-runner.js';

describe('TokenRunner', () => {
  it('releases exactly once per task, however the task ends', async () => {
    let released = 0;
    const runner = new TokenRunner(() => released++);
    await expect(runner.run(() => 1)).resolves.toBe(1);
    await expect(runner.run(async () => 2)).resolves.toBe(2);
    await expect(runner.run(() => Promise.reject(new Error('a')))).rejects.toThrow('a');
    await expect(
      runner.run(() => {
        throw new Error('b');
      }),
    ).rejects.toThrow('b');
    await expect(Promise.resolve(() => 3).then(runner.start)).resolves.toBe(3);
    expect(released).toBe(5);
  });
});
