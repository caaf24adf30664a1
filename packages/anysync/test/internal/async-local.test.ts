import { describe, expect, it } from 'vitest';
import { AsyncLocal } from '../../src/internal/async-local.js';

describe('AsyncLocal', () => {
  it('is supported on Node, through process.getBuiltinModule', () => {
    expect(AsyncLocal.supported).toBe(true);
  });

  it('returns undefined before any run, and the value inside run across awaits', async () => {
    const local = new AsyncLocal<string>();
    expect(local.get()).toBeUndefined();
    const seen = await local.run(
      'a',
      async (suffix) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return local.get() + suffix;
      },
      '!',
    );
    expect(seen).toBe('a!');
    expect(local.get()).toBeUndefined();
  });
});
