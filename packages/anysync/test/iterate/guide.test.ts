// Every example of docs/guide/iterate.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/iterate.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('iterate');
    expect(output).toContain('--- example 0');
    expect(output).toContain(`user 3\ncursor closed\ndone`);
    expect(output).toContain("[ '30 ms', '10 ms', '20 ms' ] [ '10 ms', '20 ms', '30 ms' ]");
    // How the two timed sources interleave depends on the machine's load; each source's own order does not.
    const merged =
      /\[ ('[ab]\d'(?:, '[ab]\d')*) \]/.exec(output.slice(output.indexOf('--- example 3')))?.[1] ?? '';
    const events = merged.split(', ').map((event) => event.slice(1, -1));
    expect(events.filter((event) => event.startsWith('a'))).toEqual(['a0', 'a1', 'a2']);
    expect(events.filter((event) => event.startsWith('b'))).toEqual(['b0', 'b1']);
  });
});
