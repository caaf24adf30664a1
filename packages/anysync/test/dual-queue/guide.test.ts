// Every example of docs/guide/dual-queue.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/dual-queue.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('dual-queue');
    expect(output).toContain('--- example 0');
    expect(output).toContain('333833500');
    expect(output).toContain(`last words\nClosedResourceError`);
    expect(output).toContain('true true false');
  });
});
