// A worker terminated in the middle of a queue operation, holding the queue's lock: the other threads
// must not hang, and no half-written record may come out as a value. Workers import the built package
// (`npm test` builds first).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DualQueue, type DualQueueHandle } from '../../src/dual-queue/index.js';
import { recoverLock } from '../../src/dual-queue/lock-recovery.js';
import { LOCK } from '../../src/dual-queue/shared-layout.js';

const script = new URL('./fixtures/dying-worker.mjs', import.meta.url);

/** Starts a dying worker and resolves once it has posted `step` (it then spins until terminated). */
async function startAt(queue: DualQueueHandle, scenario: string, step: string) {
  const worker = new Worker(script, { workerData: { queue, scenario } });
  const messages: unknown[] = [];
  const reached = new Promise<void>((resolve, reject) => {
    worker.on('message', (message) => {
      messages.push(message);
      if (message === step) resolve();
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error(`${scenario} exited before ${step}`)));
  });
  await reached;
  return { worker, messages };
}

/** Whether `promise` is still pending once the event loop has turned a few times. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

describe('DualQueue when a thread dies holding its lock', () => {
  it('waiters on other threads (async and blocking) get the lock once the holder is terminated', async () => {
    const queue = new DualQueue<string>();
    const holder = await startAt(queue.handle, 'hold-lock', 'locked');
    const consumer = await startAt(queue.handle, 'consume-one', 'waiting');
    const put = queue.put('after');
    expect(await pending(put)).toBe(true); // the lock is held
    await holder.worker.terminate();
    await put;
    await once(consumer.worker, 'exit');
    expect(consumer.messages).toContainEqual({ got: 'after' });
    expect(queue.stats()).toMatchObject({ size: 0, usedBytes: 0 });
    expect(Atomics.load(new Int32Array(queue.handle.control), LOCK)).toBe(0);
  });

  it('a record copied in but not committed is never delivered, and the queue stays usable', async () => {
    const queue = new DualQueue<string>({ bytes: 64 });
    queue.tryPut('first');
    const { worker } = await startAt(queue.handle, 'torn-put', 'staged');
    await worker.terminate();
    // Checked before any blocking call, so that a lock left held fails the test instead of hanging it.
    expect(Atomics.load(new Int32Array(queue.handle.control), LOCK)).toBe(0);
    expect(queue.stats()).toMatchObject({ size: 1, usedBytes: 5 + 'first'.length });
    expect(queue.tryGet()).toEqual({ ok: true, value: 'first' });
    expect(queue.tryGet()).toEqual({ ok: false });
    // The ring wraps over the torn bytes several times: each value comes out whole.
    for (let i = 0; i < 20; i++) {
      await queue.put(`value ${i}`);
      expect(await queue.get()).toBe(`value ${i}`);
    }
  });

  it('a put that reached its commit point is completed by the recovery', async () => {
    const queue = new DualQueue<string>();
    const waiting = queue.get();
    const { worker } = await startAt(queue.handle, 'committed-put', 'journalled');
    await worker.terminate();
    expect(await waiting).toBe('committed');
    expect(queue.stats()).toMatchObject({ size: 0, usedBytes: 0 });
  });

  it('a producer terminated at random moments: every value delivered is whole and in order', async () => {
    for (let run = 0; run < 6; run++) {
      const queue = new DualQueue<{ i: number; text: string }>({ maxItems: 32, bytes: 4096 });
      const { worker } = await startAt(queue.handle, 'hammer', 'started');
      const exited = once(worker, 'exit');
      const owner = worker.threadId + 1; // what its lock word holds (threadId reads -1 once it exits)
      const stopAfter = 50 + Math.floor(Math.random() * 1500);
      let next = 0;
      const check = (item: { i: number; text: string }) => {
        expect(item).toEqual({ i: next, text: 'x'.repeat(next % 300) });
        next++;
      };
      while (next < stopAfter) check(await queue.get());
      void worker.terminate();
      await exited;
      expect(Atomics.load(new Int32Array(queue.handle.control), LOCK) & ~(1 << 30)).not.toBe(owner);
      for (let taken = queue.tryGet(); taken.ok; taken = queue.tryGet()) check(taken.value);
      await queue.put({ i: next, text: 'x'.repeat(next % 300) });
      check(await queue.get());
      expect(Atomics.load(new Int32Array(queue.handle.control), LOCK)).toBe(0);
    }
  });

  it('recoverLock frees a lock only for the thread that holds it', () => {
    const queue = new DualQueue<number>();
    const control = new Int32Array(queue.handle.control);
    Atomics.store(control, LOCK, 7);
    expect(recoverLock(control, 8)).toBe(false);
    expect(Atomics.load(control, LOCK)).toBe(7);
    Atomics.store(control, LOCK, 7 | (1 << 30)); // held by 7, with waiters
    expect(recoverLock(control, 7)).toBe(true);
    expect(Atomics.load(control, LOCK)).toBe(0);
    expect(queue.tryPut(1)).toBe(true);
  });
});
