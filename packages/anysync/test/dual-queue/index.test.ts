// The public entry of anysync/dual-queue, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/dual-queue', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/dual-queue');
    expect(exports).toEqual(['DualQueue']);
    expect(builtins).toEqual([]);
  });
});
