import { describe, expect, it } from 'vitest';
import { Synchronizer, WorkerCrashError } from '../../dist/synchronizer/index.js';
import type * as Crashes from './fixtures/crashes.mjs';

const url = new URL('./fixtures/crashes.mjs', import.meta.url);

function crash(call: (crashes: typeof Crashes) => unknown): { error: WorkerCrashError; sync: Synchronizer } {
  // The timeout is a safety net: if crash detection regressed, the test fails instead of hanging.
  const sync = new Synchronizer({ timeout: 8_000 });
  const crashes = sync.load<typeof Crashes>(url);
  try {
    call(crashes as never);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkerCrashError);
    return { error: error as WorkerCrashError, sync };
  }
  throw new Error('expected the call to fail');
}

describe('a worker that dies in the middle of a call', () => {
  it('turns process.exit() into a WorkerCrashError with the exit code', { timeout: 10_000 }, async () => {
    const { error, sync } = crash((crashes) => crashes.exitWith(3));
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/exited with code 3/);
    await sync.close();
  });

  it('turns an uncaught exception into a WorkerCrashError caused by it', { timeout: 10_000 }, async () => {
    const { error, sync } = crash((crashes) => crashes.throwUncaught('kaboom'));
    expect(error.message).toMatch(/uncaught Error: kaboom/);
    expect((error.cause as Error).message).toBe('kaboom');
    await sync.close();
  });

  it('turns an unhandled rejection into a WorkerCrashError', { timeout: 10_000 }, async () => {
    const { error, sync } = crash((crashes) => crashes.rejectUnhandled('nobody caught me'));
    expect((error.cause as Error).message).toBe('nobody caught me');
    await sync.close();
  });

  it('fails every later call, and pending promise-returning calls, with the same error', {
    timeout: 10_000,
  }, async () => {
    const sync = new Synchronizer({ timeout: 8_000 });
    const crashes = sync.load<typeof Crashes>(url);
    const pending = crashes.ok.async();
    await pending;
    const stranded = expect(crashes.exitWith.async(7)).rejects.toBeInstanceOf(WorkerCrashError);
    await stranded;
    expect(() => crashes.ok()).toThrow(/exited with code 7/);
    await expect(crashes.ok.async()).rejects.toBeInstanceOf(WorkerCrashError);
    await sync.close();
  });

  it('reports a worker whose preload fails instead of waiting for it', { timeout: 10_000 }, async () => {
    const sync = new Synchronizer({
      loadTimeout: 8_000,
      execArgv: ['--import', 'data:text/javascript,throw new Error("preload broke")'],
    });
    expect(() => sync.load(url)).toThrow(WorkerCrashError);
    expect(() => sync.load(url)).toThrow(/preload broke/);
    await sync.close();
  });
});
