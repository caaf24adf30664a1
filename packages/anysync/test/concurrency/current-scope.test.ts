import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { currentScope, currentSignal } from '../../src/concurrency/current-scope.js';

describe('currentScope() and currentSignal()', () => {
  it('are undefined outside any scope', () => {
    expect(currentScope()).toBeUndefined();
    expect(currentSignal()).toBeUndefined();
  });

  it('follow the innermost scope across awaits and into concurrent branches', async () => {
    const outer = new CancelScope();
    await outer.run(async () => {
      const inner = new CancelScope();
      const seen = await Promise.all([
        inner.run(async () => {
          await null;
          return currentScope();
        }),
        (async () => {
          await null;
          return currentScope();
        })(),
      ]);
      expect(seen).toEqual([inner, outer]);
      expect(currentSignal()).toBe(outer.signal);
    });
  });
});
