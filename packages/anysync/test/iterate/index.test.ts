// The public entry of anysync/iterate, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/iterate', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/iterate');
    expect(exports).toEqual(['batch', 'buffer', 'filter', 'map', 'merge', 'take', 'tee', 'zip']);
    expect(builtins).toEqual([]);
  });
});
