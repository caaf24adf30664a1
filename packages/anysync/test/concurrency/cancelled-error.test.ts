import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { CancelledError } from '../../src/concurrency/cancelled-error.js';

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
