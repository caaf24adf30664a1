// The public entry of anysync/cache, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/cache', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/cache');
    expect(exports).toEqual([
      'AsyncCache',
      'LazyResult',
      'LruMap',
      'MemorySingleFlightStore',
      'TtlLruMap',
      'jsonCodec',
      'memoize',
      'memoizeLazy',
    ]);
    expect(builtins).toEqual([]);
  });
});
