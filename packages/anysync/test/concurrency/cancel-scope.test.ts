import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { CancelledError } from '../../src/concurrency/cancelled-error.js';
import { currentScope } from '../../src/concurrency/current-scope.js';
import { sleep, sleepForever } from '../../src/concurrency/sleep.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => {
  installed[Symbol.dispose]();
  expect(clock.pendingTimers).toBe(0); // every test must leave no timer behind
});

describe('CancelScope', () => {
  it('runs the body as the current scope and returns its result', async () => {
    const scope = new CancelScope();
    const result = await scope.run((inner) => {
      expect(currentScope()).toBe(scope);
      expect(inner).toBe(scope);
      return 7;
    });
    expect(result).toBe(7);
    expect(scope.cancelCalled).toBe(false);
    expect(scope.cancelledCaught).toBe(false);
    expect(currentScope()).toBeUndefined();
  });

  it('swallows its own cancellation and reports it', async () => {
    const scope = new CancelScope();
    const result = await scope.run(async (s) => {
      s.cancel('enough');
      await sleep(10);
      return 'unreachable';
    });
    expect(result).toBeUndefined();
    expect(scope.cancelCalled).toBe(true);
    expect(scope.cancelledCaught).toBe(true);
    expect(scope.reason).toBe('enough');
    expect(scope.cancelError).toBeInstanceOf(CancelledError);
    expect((scope.cancelError as CancelledError).message).toBe('Cancelled: enough');
  });

  it('is level-triggered: every later wait rejects at once', async () => {
    const scope = new CancelScope();
    const rejections: unknown[] = [];
    await scope.run(async (s) => {
      s.cancel();
      for (let i = 0; i < 3; i++) await sleep(1).catch((error) => rejections.push(error));
    });
    expect(rejections).toHaveLength(3);
    expect(new Set(rejections).size).toBe(1);
    expect(rejections[0]).toBe(scope.cancelError);
  });

  it('cancels at its deadline, and the time does not pass beyond it', async () => {
    const scope = new CancelScope({ timeout: 100 });
    const done = scope.run(() => sleepForever());
    await clock.advance(99);
    expect(scope.cancelCalled).toBe(false);
    await clock.advance(1);
    await expect(done).resolves.toBeUndefined();
    expect(scope.cancelledCaught).toBe(true);
    expect(scope.reason).toBe('deadline exceeded');
    expect((scope.cancelError as CancelledError).deadlineExceeded).toBe(true);
  });

  it('counts a relative timeout from entry, and accepts an absolute deadline', async () => {
    const relative = new CancelScope({ timeout: 50 });
    await clock.advance(30);
    expect(relative.deadline).toBe(80);
    const absolute = new CancelScope({ deadline: 40 });
    expect(absolute.deadline).toBe(40);
    const outcomes = Promise.all([relative.run(() => sleep(1000)), absolute.run(() => sleep(1000))]);
    await clock.advance(10);
    expect(absolute.cancelledCaught).toBe(true);
    expect(relative.cancelCalled).toBe(false);
    await clock.advance(40);
    await outcomes;
    expect(relative.cancelledCaught).toBe(true);
    expect(clock.now()).toBe(80);
  });

  it('cancels at once when entered past its deadline', async () => {
    await clock.advance(10);
    const scope = new CancelScope({ deadline: 5 });
    await expect(scope.run(() => sleep(1))).resolves.toBeUndefined();
    expect(scope.cancelledCaught).toBe(true);
  });

  it('re-arms its timer when the deadline is moved', async () => {
    const scope = new CancelScope({ timeout: 100 });
    const done = scope.run(() => sleepForever());
    scope.deadline = 300;
    await clock.advance(200);
    expect(scope.cancelCalled).toBe(false);
    scope.deadline = 250;
    await clock.advance(50);
    await done;
    expect(scope.cancelledCaught).toBe(true);
    expect(clock.now()).toBe(250);
  });

  it('lets the nearest deadline win when nested', async () => {
    const outer = new CancelScope({ timeout: 50 });
    const inner = new CancelScope({ timeout: 500 });
    const done = outer.run(() => inner.run(() => sleepForever()));
    await clock.advance(50);
    await expect(done).resolves.toBeUndefined();
    expect(outer.cancelledCaught).toBe(true);
    expect(inner.cancelCalled).toBe(false);
    expect(inner.cancelledCaught).toBe(false); // the outer scope's cancellation passed through it
  });

  it('propagates an enclosing cancellation through a scope that was cancelled itself', async () => {
    const outer = new CancelScope();
    const inner = new CancelScope();
    let after = 'not run';
    await outer.run(async () => {
      await inner.run(async () => {
        inner.cancel('inner');
        outer.cancel('outer');
        await sleep(1);
      });
      after = 'ran';
    });
    expect(after).toBe('not run'); // Trio's rule: the outer scope catches it, the inner does not
    expect(inner.cancelledCaught).toBe(false);
    expect(outer.cancelledCaught).toBe(true);
  });

  it('shields its body from enclosing cancellation but not from its own deadline', async () => {
    const outer = new CancelScope();
    const shielded = new CancelScope({ shield: true, timeout: 100 });
    let slept = false;
    const done = outer.run(async () => {
      await shielded.run(async () => {
        outer.cancel();
        await sleep(10);
        slept = true;
        await sleep(1000);
      });
      await sleep(1); // back in the cancelled outer scope: rejects
    });
    await clock.advance(10);
    expect(slept).toBe(true);
    await clock.advance(90);
    await done;
    expect(shielded.cancelledCaught).toBe(true);
    expect(outer.cancelledCaught).toBe(true);
  });

  it('is cancelled at once when its shield is lifted inside a cancelled parent', async () => {
    const outer = new CancelScope();
    const inner = new CancelScope({ shield: true });
    await outer.run(() =>
      inner.run(async () => {
        outer.cancel('stop');
        expect(inner.cancelled).toBe(false);
        inner.shield = false;
        expect(inner.cancelled).toBe(true);
        expect(inner.cancelError).toBe(outer.cancelError);
      }),
    );
    expect(outer.cancelledCaught).toBe(false); // the body returned normally
  });

  it('exposes a signal that aborts with the cancellation error', async () => {
    const scope = new CancelScope();
    const before = scope.signal;
    expect(before.aborted).toBe(false);
    scope.cancel('bye');
    expect(before.aborted).toBe(true);
    expect(before.reason).toBe(scope.cancelError);
    const late = new CancelScope();
    late.cancel();
    expect(late.signal.aborted).toBe(true); // created after the cancellation
  });

  it('recognises its own cancellation when it comes back wrapped by an AbortSignal consumer', async () => {
    const scope = new CancelScope({ timeout: 10 });
    const { setTimeout: nodeSleep } = await import('node:timers/promises');
    const done = scope.run((s) => nodeSleep(60_000, undefined, { signal: s.signal }));
    await clock.advance(10);
    await expect(done).resolves.toBeUndefined(); // Node's AbortError carries our error as its cause
    expect(scope.cancelledCaught).toBe(true);
  });

  it('lets a foreign signal cancel it, propagating the foreign reason', async () => {
    const controller = new AbortController();
    const scope = new CancelScope({ signal: controller.signal });
    const done = scope.run(() => sleepForever());
    controller.abort(new Error('from outside'));
    await expect(done).rejects.toThrow('from outside');
    expect(scope.cancelledCaught).toBe(false);
  });

  it('starts cancelled when its foreign signal already aborted', async () => {
    const scope = new CancelScope({ signal: AbortSignal.abort('early') });
    await expect(scope.run(() => sleep(1))).rejects.toBe('early');
  });

  it('propagates other errors unchanged', async () => {
    const scope = new CancelScope();
    await expect(
      scope.run(() => {
        scope.cancel();
        throw new TypeError('broken');
      }),
    ).rejects.toThrow(TypeError);
    expect(scope.cancelledCaught).toBe(false);
  });

  it('can be entered only once', async () => {
    const scope = new CancelScope();
    await scope.run(() => {});
    await expect(scope.run(() => {})).rejects.toThrow(/already entered/);
  });

  it('links children while active and unlinks them on exit', async () => {
    const parent = new CancelScope();
    await parent.run(async () => {
      const child = new CancelScope();
      await child.run(() => expect(child.parent).toBe(parent));
      expect(child.parent).toBeUndefined();
      parent.cancel();
      expect(child.cancelled).toBe(false); // an exited child no longer hears its parent
    });
  });

  it('works with using: linked under the current scope and cleaned up at block exit', async () => {
    const outer = new CancelScope();
    await outer.run(async () => {
      {
        using scope = new CancelScope({ timeout: 1000 }).enter();
        expect(scope.parent).toBe(outer);
        expect(clock.pendingTimers).toBe(1);
      }
      expect(clock.pendingTimers).toBe(0);
    });
  });

  it('notifies cancel listeners once and not after they are removed', () => {
    const scope = new CancelScope();
    const heard: unknown[] = [];
    const kept = { onCancel: (reason: unknown) => heard.push(reason) };
    const removed = { onCancel: () => heard.push('removed') };
    expect(scope.addCancelListener(kept)).toBe(true);
    scope.addCancelListener(removed);
    scope.removeCancelListener(removed);
    scope.cancel();
    scope.cancel('again');
    expect(heard).toEqual([scope.cancelError]);
    expect(scope.addCancelListener(kept)).toBe(false);
  });

  it('rejects deadlines that are not numbers', () => {
    expect(() => new CancelScope({ timeout: Number.NaN })).toThrow(/timeout must be a number/);
    expect(() => new CancelScope({ deadline: '5' as unknown as number })).toThrow(
      /deadline must be a number/,
    );
  });
});
