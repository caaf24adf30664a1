import { describe, expectTypeOf, it } from 'vitest';
import { sleepSync } from 'anysync/runtime';

describe('anysync/runtime types', () => {
  it('sleepSync returns the type of its value', () => {
    expectTypeOf(sleepSync(1, 'x' as const)).toEqualTypeOf<'x'>();
    expectTypeOf(sleepSync(1)).toEqualTypeOf<void>();
  });
});
