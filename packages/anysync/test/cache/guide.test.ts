// Every example of docs/guide/cache.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/cache.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('cache');
    expect(output).toContain('--- example 0');
    expect(output).toContain('true 2');
    expect(output).toContain('{ size: 2, inFlight: 0, hits: 1, misses: 2, joins: 1, abandoned: 0 }');
    expect(output).toContain('first left: too slow');
    expect(output).toContain('1 db false');
    expect(output).toContain("[ 'c', 'a' ]");
  });
});
