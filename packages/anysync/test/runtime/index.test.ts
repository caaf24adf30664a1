// The public entry of anysync/runtime, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/runtime', () => {
  it('exports its public values and loads no Node built-in at import (browsers load it)', () => {
    const { builtins, exports } = importInFreshProcess('anysync/runtime');
    expect(exports).toEqual([
      'SyncDir',
      'SyncFileHandle',
      'canBlock',
      'createBackendRegistry',
      'currentRuntime',
      'openSync',
      'opendirSync',
      'readLinesSync',
      'sleepSync',
    ]);
    expect(builtins).toEqual([]);
  });
});
