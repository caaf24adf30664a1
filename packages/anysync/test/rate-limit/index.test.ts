// The public entry of anysync/rate-limit, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/rate-limit', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/rate-limit');
    expect(exports).toEqual([
      'FifoLockout',
      'Lockout',
      'MemoryLockoutStore',
      'MemoryRateLimitStore',
      'RateLimiter',
    ]);
    expect(builtins).toEqual([]);
  });
});
