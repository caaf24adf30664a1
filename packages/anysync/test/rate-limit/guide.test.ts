// Every example of docs/guide/rate-limit.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/rate-limit.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('rate-limit');
    expect(output).toContain('--- example 0');
    expect(output).toContain('0@0ms 1@0ms 2@0ms 3@100ms 4@100ms 5@100ms 6@200ms');
    expect(output).toContain('uploaded 3');
    expect(output).toContain('true\ntrue\ntrue\ntrue\n3 false');
    expect(output).toContain(
      'RateLimiter.tryAcquire(): weight must be a number > 0 and <= the limit (3): a heavier one could never be granted, got 4',
    );
    expect(output).toContain('TimeoutError');
    expect(output).toContain('ok true');
    expect(output).toContain("[ 'first', 'second' ]");
  });
});
