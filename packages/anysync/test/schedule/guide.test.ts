// Every example of docs/guide/schedule.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/schedule.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('schedule');
    expect(output).toContain('--- example 0');
    // The order of delivery is the behaviour; the printed milliseconds depend on the machine's load.
    expect(output).toMatch(/drink water \d+\nstand up \d+/);
    expect(output).toContain('3 false');
    expect(output).toContain("[ 'hourly report', 'nightly backup' ]");
  });
});
