import { type ShutdownCause, type ShutdownHandle, ShutdownService, WorkerShutdown } from 'anysync/shutdown';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/shutdown types', () => {
  it('types the service, its causes and the worker view', async () => {
    const service = new ShutdownService({ timeout: 1000 });
    expectTypeOf(service.addStartup(async () => {})).toEqualTypeOf<ShutdownService>();
    service.addShutdownHandler((cause) => {
      if (cause.type === 'signal') expectTypeOf(cause.signal).toEqualTypeOf<string>();
      if (cause.type === 'request') expectTypeOf(cause.from).toEqualTypeOf<'main' | 'worker'>();
    });
    expectTypeOf(service.run()).toEqualTypeOf<Promise<ShutdownCause>>();
    expectTypeOf(service.handle).toEqualTypeOf<ShutdownHandle>();
    const view = WorkerShutdown.from(service.handle);
    expectTypeOf(view.stopping).toEqualTypeOf<boolean>();
    expectTypeOf(view.signal).toEqualTypeOf<AbortSignal>();
    expectTypeOf(view.waitSync(10)).toEqualTypeOf<boolean>();
    // @ts-expect-error: WorkerShutdown is opened with from()
    new WorkerShutdown();
  });
});
