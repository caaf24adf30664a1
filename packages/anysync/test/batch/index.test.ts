// The public entry of anysync/batch, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/batch', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/batch');
    expect(exports).toEqual(['BatchError', 'BatchLoader', 'Batcher']);
    expect(builtins).toEqual([]);
  });
});
