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

describe('CancelledError', () => {
  it('describes the reason and keeps it', () => {
    const scope = new CancelScope();
    const cause = new Error('disk full');
    expect(new CancelledError(scope, undefined).message).toBe('Cancelled');
    expect(new CancelledError(scope, 'bye').message).toBe('Cancelled: bye');
    const fromError = new CancelledError(scope, cause);
    expect(fromError.message).toBe('Cancelled: disk full');
    expect(fromError.cause).toBe(cause);
    expect(fromError.name).toBe('AbortError');
    expect(fromError.scope).toBe(scope);
    expect(new CancelledError(scope, 'late', true).message).toBe('Cancelled: the deadline passed');
  });
});
