// In-process tests: signals are emitted on `process` (its listeners run as for a real signal) and the
// forced exit is captured. Real signals to real processes are in shutdown-service.process.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { ShutdownService } from '../../src/shutdown/shutdown-service.js';
import { WorkerShutdown } from '../../src/shutdown/worker-shutdown.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));
const listenersBefore = process.listenerCount('SIGTERM');
afterEach(() => expect(process.listenerCount('SIGTERM')).toBe(listenersBefore));

describe('ShutdownService', () => {
  it('runs startups, then on a signal the handlers and joins, each in order', async () => {
    const log: string[] = [];
    const service = new ShutdownService({ exit: (code) => log.push(`exit ${code}`) });
    service
      .addStartup(async () => {
        await tick();
        log.push('startup 1');
      })
      .addStartup(() => log.push('startup 2'))
      .addShutdownHandler((cause) => log.push(`handler ${JSON.stringify(cause)}`))
      .addJoin(async () => {
        await tick();
        log.push('join 1');
      })
      .addJoin(() => log.push('join 2'));
    const running = service.run();
    await tick();
    await tick();
    expect(service.stats().state).toBe('running');
    expect(service.signal.aborted).toBe(false);
    process.emit('SIGTERM');
    expect(service.signal.reason).toEqual({ type: 'signal', signal: 'SIGTERM' });
    expect(await running).toEqual({ type: 'signal', signal: 'SIGTERM' });
    expect(log).toEqual([
      'startup 1',
      'startup 2',
      'handler {"type":"signal","signal":"SIGTERM"}',
      'join 1',
      'join 2',
    ]);
    expect(service.stats()).toEqual({ state: 'stopped', cause: { type: 'signal', signal: 'SIGTERM' } });
  });

  it('stops on requestShutdown(), even one made before run()', async () => {
    const early = new ShutdownService();
    early.requestShutdown(4);
    expect(await early.run()).toEqual({ type: 'request', from: 'main', code: 4 });
    const later = new ShutdownService();
    const running = later.run();
    await tick();
    later.requestShutdown();
    expect(await running).toEqual({ type: 'request', from: 'main', code: 0 });
  });

  it('a failing startup skips the later ones, still runs handlers and joins, and is thrown', async () => {
    const log: string[] = [];
    const service = new ShutdownService();
    service
      .addStartup(() => {
        throw new Error('port in use');
      })
      .addStartup(() => log.push('never'))
      .addShutdownHandler((cause) => log.push(`handler ${cause.type}`))
      .addJoin(() => log.push('join'));
    await expect(service.run()).rejects.toThrow('port in use');
    expect(log).toEqual(['handler error', 'join']);
  });

  it('runs every hook even when some fail, then reports them together', async () => {
    const log: string[] = [];
    const service = new ShutdownService();
    service
      .addShutdownHandler(() => {
        throw new Error('handler broke');
      })
      .addJoin(() => Promise.reject(new Error('join broke')))
      .addJoin(() => log.push('last join ran'));
    service.requestShutdown();
    const error = (await service.run().catch((caught: unknown) => caught)) as AggregateError;
    expect(error.message).toBe('ShutdownService: 2 shutdown hook(s) failed');
    expect(error.errors.map((e) => (e as Error).message)).toEqual(['handler broke', 'join broke']);
    expect(log).toEqual(['last join ran']);
  });

  it('a second signal forces the exit with 128 + the signal number', async () => {
    const forced: string[] = [];
    let exitCode: number | undefined;
    let release: () => void = () => {};
    const service = new ShutdownService({
      exit: (code) => {
        exitCode = code;
        release();
      },
      onForcedExit: (why, code) => forced.push(`${why} ${code}`),
    });
    service.addJoin(() => new Promise<void>((resolve) => (release = resolve))); // hangs until "exit"
    const running = service.run();
    await tick();
    process.emit('SIGINT');
    await tick();
    expect(exitCode).toBeUndefined();
    process.emit('SIGINT');
    expect(exitCode).toBe(130);
    expect(forced).toEqual(['signal 130']);
    await running;
  });

  it('the timeout forces the exit when the hooks take too long', async () => {
    let release: () => void = () => {};
    const forced: string[] = [];
    const service = new ShutdownService({
      timeout: 5,
      timeoutExitCode: 70,
      exit: (code) => {
        forced.push(`exit ${code}`);
        release();
      },
      onForcedExit: (why) => forced.push(why),
    });
    service.addJoin(() => new Promise<void>((resolve) => (release = resolve)));
    service.requestShutdown();
    await service.run();
    expect(forced).toEqual(['timeout', 'exit 70']);
  });

  it('shares the shutdown with workers through its handle, and hears their requests', async () => {
    const service = new ShutdownService();
    const worker = WorkerShutdown.from(service.handle);
    const running = service.run();
    await tick();
    expect(worker.stopping).toBe(false);
    worker.request(3);
    expect(await running).toEqual({ type: 'request', from: 'worker', code: 3 });
    expect(worker.stopping).toBe(true);
  });

  it('runs once, takes hooks only before run(), and explains bad arguments', async () => {
    const service = new ShutdownService();
    expect(() => service.addJoin('x' as never)).toThrow(
      "ShutdownService.addJoin(): fn must be a function, got 'x' (string)",
    );
    expect(() => new ShutdownService({ signals: ['INT'] })).toThrow(
      "ShutdownService: signals must be signal names such as 'SIGINT' or 'SIGTERM', got 'INT' (string)",
    );
    expect(() => new ShutdownService({ timeoutExitCode: 256 })).toThrow(RangeError);
    expect(() => new ShutdownService({ timout: 5 } as never)).toThrow("did you mean 'timeout'?");
    expect(() => service.requestShutdown(1.5)).toThrow(RangeError);
    service.requestShutdown();
    await service.run();
    await expect(service.run()).rejects.toThrow(
      'ShutdownService.run(): a service runs once; create a new one',
    );
    expect(() => service.addStartup(() => {})).toThrow('hooks must be added before run()');
    expect(() => new ShutdownService({ timeout: -1 })).toThrow(RangeError);
  });
});
