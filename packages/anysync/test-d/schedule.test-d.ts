import { Scheduler, type SchedulerStats, type ScheduleToken } from 'anysync/schedule';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/schedule types', () => {
  it('types payloads, tokens and iteration', async () => {
    const scheduler = new Scheduler<{ job: string }>();
    expectTypeOf(scheduler.at(new Date(), { job: 'a' })).toEqualTypeOf<ScheduleToken>();
    expectTypeOf(scheduler.after(10, { job: 'b' })).toEqualTypeOf<ScheduleToken>();
    expectTypeOf(scheduler.every(10, { job: 'c' }, { firstAt: Date.now() })).toEqualTypeOf<ScheduleToken>();
    expectTypeOf(scheduler.take()).toEqualTypeOf<Promise<{ job: string }>>();
    for await (const payload of scheduler) expectTypeOf(payload).toEqualTypeOf<{ job: string }>();
    expectTypeOf(scheduler.stats()).toEqualTypeOf<SchedulerStats>();
    expectTypeOf<Scheduler<number>>().toMatchTypeOf<AsyncDisposable>();
    // @ts-expect-error: the payload type is checked
    scheduler.after(10, 'not a job');
  });
});
