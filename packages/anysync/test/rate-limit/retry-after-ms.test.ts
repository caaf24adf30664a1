import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/rate-limit/retry-after-ms.js';

describe('retryAfterMs()', () => {
  const now = Date.UTC(2030, 0, 1, 12, 0, 0);

  it('reads delay-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 1.5 ', now)).toBe(1500);
  });

  it('reads an HTTP date against the wall clock, a past date giving 0', () => {
    expect(retryAfterMs('Tue, 01 Jan 2030 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 01 Jan 2030 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('later', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
