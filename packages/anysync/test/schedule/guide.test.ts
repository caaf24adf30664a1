// Every example of docs/guide/schedule.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/schedule.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('schedule');
    expect(output).toContain('--- example 0');
    expect(output).toContain(`drink water 10\nstand up 30`);
    expect(output).toContain('3 false');
    expect(output).toContain("[ 'hourly report', 'nightly backup' ]");
  });
});
