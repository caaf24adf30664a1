// The public entry of anysync/shutdown, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/shutdown', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/shutdown');
    expect(exports).toEqual(['ShutdownService', 'WorkerShutdown']);
    expect(builtins).toEqual([]);
  });
});
