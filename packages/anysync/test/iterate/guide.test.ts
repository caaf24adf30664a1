// Every example of docs/guide/iterate.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/iterate.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('iterate');
    expect(output).toContain('--- example 0');
    expect(output).toContain(`user 3\ncursor closed\ndone`);
    expect(output).toContain("[ '30 ms', '10 ms', '20 ms' ] [ '10 ms', '20 ms', '30 ms' ]");
    expect(output).toContain("[ 'a0', 'a1', 'b0', 'a2', 'b1' ]");
  });
});
