// Every example of docs/guide/batch.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/batch.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('batch');
    expect(output).toContain('--- example 0');
    // The page prints measured times; which items share a batch is the fact, not the milliseconds.
    expect(output).toMatch(
      /'\[1,2,3\] after \d+ ms',\s+'\[4,5,6\] after \d+ ms',\s+'\[7\] after \d+ ms',\s+'\[8\] after \d+ ms'/,
    );
    expect(output).toContain('true 1 batch failed; first: collector rejected the batch');
    expect(output).toContain('[ [ 1, 2 ] ] { pending: 0, loading: 0, batches: 1, keys: 2 }');
    expect(output).toContain('[ 1, 2, 1 ] 2');
  });
});
