import { type Clock, VirtualClock, type VirtualClockStats } from 'anysync/testing';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/testing types', () => {
  it('VirtualClock is a Clock that can be installed with using', () => {
    const clock = new VirtualClock();
    expectTypeOf(clock).toMatchTypeOf<Clock>();
    expectTypeOf(clock.install()).toEqualTypeOf<Disposable>();
    expectTypeOf(clock.advance(1)).toEqualTypeOf<Promise<void>>();
    expectTypeOf(clock.stats()).toEqualTypeOf<VirtualClockStats>();
  });
});
