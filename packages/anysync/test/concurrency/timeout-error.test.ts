import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../../src/concurrency/timeout-error.js';

describe('TimeoutError', () => {
  it('is an Error named TimeoutError that keeps its cause', () => {
    const cause = new Error('the deadline passed');
    const error = new TimeoutError('too slow', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TimeoutError');
    expect(error.message).toBe('too slow');
    expect(error.cause).toBe(cause);
  });
});
