import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { currentEffectiveDeadline } from '../../src/concurrency/current-effective-deadline.js';
import { currentTime } from '../../src/concurrency/current-time.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let installed: Disposable;
beforeEach(() => {
  installed = new VirtualClock({ start: 1000 }).install();
});
afterEach(() => installed[Symbol.dispose]());

describe('currentEffectiveDeadline() and currentTime()', () => {
  it('reads the installed clock', () => {
    expect(currentTime()).toBe(1000);
  });

  it('is Infinity outside scopes and the nearest deadline inside nested ones', async () => {
    expect(currentEffectiveDeadline()).toBe(Number.POSITIVE_INFINITY);
    await new CancelScope({ timeout: 100 }).run(async () => {
      expect(currentEffectiveDeadline()).toBe(1100);
      await new CancelScope({ timeout: 500 }).run(() => expect(currentEffectiveDeadline()).toBe(1100));
      await new CancelScope({ timeout: 50 }).run(() => expect(currentEffectiveDeadline()).toBe(1050));
      await new CancelScope({ timeout: 500, shield: true }).run(() =>
        expect(currentEffectiveDeadline()).toBe(1500),
      );
    });
  });

  it('is -Infinity once cancelled', async () => {
    await new CancelScope().run((scope) => {
      scope.cancel();
      expect(currentEffectiveDeadline()).toBe(Number.NEGATIVE_INFINITY);
    });
  });
});
