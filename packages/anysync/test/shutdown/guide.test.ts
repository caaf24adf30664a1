// Every example of docs/guide/shutdown.md runs (against the built package; `npm test` builds first).
import { describe, expect, it } from 'vitest';
import { runGuide } from '../support/run-guide.js';

describe('docs/guide/shutdown.md', () => {
  it('runs every example, printing what the page says', () => {
    const output = runGuide('shutdown');
    expect(output).toContain('--- example 0');
    expect(output).toContain("stopped by { type: 'signal', signal: 'SIGTERM' }");
    expect(output).toContain('forced: timeout, exit code 1');
    expect(output).toContain('worker finished after 10 jobs');
  });
});
