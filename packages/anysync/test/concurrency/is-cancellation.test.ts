import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { CancelledError } from '../../src/concurrency/cancelled-error.js';
import { isCancellation, isCancellationBy } from '../../src/concurrency/is-cancellation.js';

describe('isCancellation()', () => {
  it('recognises CancelledError and any AbortError, and nothing else', () => {
    expect(isCancellation(new CancelledError(new CancelScope(), 'x'))).toBe(true);
    expect(isCancellation(AbortSignal.abort().reason)).toBe(true);
    expect(isCancellation(new DOMException('t', 'TimeoutError'))).toBe(false);
    expect(isCancellation(new Error('boom'))).toBe(false);
    expect(isCancellation('AbortError')).toBe(false);
    expect(isCancellation(null)).toBe(false);
  });
});

describe('isCancellationBy()', () => {
  it('matches the reason itself or an AbortError caused by it', () => {
    const reason = new Error('why');
    const wrapped = Object.assign(new Error('aborted', { cause: reason }), { name: 'AbortError' });
    expect(isCancellationBy(reason, reason)).toBe(true);
    expect(isCancellationBy(wrapped, reason)).toBe(true);
    expect(isCancellationBy(new Error('why'), reason)).toBe(false);
  });
});
