import { describe, expect, it } from 'vitest';
import { ShutdownService } from '../../src/shutdown/shutdown-service.js';
import { WorkerShutdown } from '../../src/shutdown/worker-shutdown.js';

describe('WorkerShutdown', () => {
  it('sees the shutdown begin: stopping, signal, wait()', async () => {
    const service = new ShutdownService();
    const view = WorkerShutdown.from(service.handle);
    const signal = view.signal;
    const waiting = view.wait();
    expect([view.stopping, signal.aborted]).toEqual([false, false]);
    const running = service.run();
    service.requestShutdown();
    await waiting;
    await running;
    expect(view.stopping).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(signal.aborted).toBe(true);
    expect(WorkerShutdown.from(service.handle).signal.aborted).toBe(true); // created after: aborted at once
  });

  it('waitSync() blocks until the shutdown or the timeout', () => {
    const service = new ShutdownService();
    const view = WorkerShutdown.from(service.handle);
    expect(view.waitSync(1)).toBe(false);
    service.requestShutdown();
    expect(view.waitSync()).toBe(true);
  });

  it('a wait can be abandoned', async () => {
    const view = WorkerShutdown.from(new ShutdownService().handle);
    await expect(view.wait({ signal: AbortSignal.abort('no') })).rejects.toBe('no');
  });

  it('explains a bad handle or code', () => {
    expect(() => WorkerShutdown.from({} as never)).toThrow(
      'WorkerShutdown.from(): handle must be the `handle` of a ShutdownService ({ state: SharedArrayBuffer }), got an object',
    );
    const view = WorkerShutdown.from(new ShutdownService().handle);
    expect(() => view.request(-1)).toThrow(
      new RangeError('WorkerShutdown.request(): code must be an integer from 0 to 255, got -1'),
    );
    expect(() => view.waitSync(-1)).toThrow(RangeError);
    expect(() => view.wait({ signal: 'x' as never })).toThrow(TypeError);
  });
});
