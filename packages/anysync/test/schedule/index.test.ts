// The public entry of anysync/schedule, as users import it (the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { importInFreshProcess } from '../support/loaded-builtins.js';

describe('anysync/schedule', () => {
  it('exports its public values and loads no Node built-in at import', () => {
    const { builtins, exports } = importInFreshProcess('anysync/schedule');
    expect(exports).toEqual(['ScheduleToken', 'Scheduler']);
    expect(builtins).toEqual([]);
  });
});
