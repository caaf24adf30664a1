import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { throwIfCancelled } from '../../src/concurrency/throw-if-cancelled.js';

describe('throwIfCancelled()', () => {
  it('does nothing when nothing is cancelled', () => {
    expect(() => throwIfCancelled()).not.toThrow();
    expect(() => throwIfCancelled({ signal: new AbortController().signal })).not.toThrow();
  });

  it('throws the signal reason or the scope cancellation', async () => {
    expect(() => throwIfCancelled({ signal: AbortSignal.abort('why') })).toThrow('why');
    const scope = new CancelScope();
    const result = await scope.run(() => {
      scope.cancel('stop');
      throwIfCancelled();
      return 'unreachable';
    });
    expect(result).toBeUndefined();
    expect(scope.cancelledCaught).toBe(true);
  });
});
