import { describe, expect, it } from 'vitest';
import { currentPriority, withPriority } from '../../src/primitives/with-priority.js';

describe('withPriority() and currentPriority()', () => {
  it('sets the ambient priority for the synchronous and asynchronous parts of fn', async () => {
    expect(currentPriority()).toBeUndefined();
    const seen = await withPriority(4, async () => {
      const before = currentPriority();
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [before, currentPriority()];
    });
    expect(seen).toEqual([4, 4]);
    expect(currentPriority()).toBeUndefined();
  });

  it('nests, the innermost value winning', () => {
    expect(withPriority(1, () => withPriority(2, () => currentPriority()))).toBe(2);
  });
});
