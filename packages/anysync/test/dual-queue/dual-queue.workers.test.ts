// Real worker threads sharing a queue with the main thread. Workers import the built package (`npm test`
// builds first).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DualQueue, type DualQueueHandle } from '../../src/dual-queue/index.js';

const script = new URL('./fixtures/queue-worker.mjs', import.meta.url);

interface Item {
  id: number;
  i: number;
}

/** Starts a worker on `queue`; resolves with what it posted before 'done' (if anything) once it exits. */
function start(queue: DualQueueHandle, scenario: string, options: { count?: number; id?: number } = {}) {
  const worker = new Worker(script, { workerData: { queue, scenario, ...options } });
  const messages: unknown[] = [];
  worker.on('message', (message) => messages.push(message));
  // An error also makes the worker exit: both promises are observed, the first to settle is the result.
  const exited = once(worker, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`worker ${scenario} exited with ${code}`);
    return messages.filter((message) => message !== 'done');
  });
  const errored = once(worker, 'error').then(([error]) => {
    throw error;
  });
  exited.catch(() => {});
  errored.catch(() => {});
  return { worker, result: Promise.race([exited, errored]) };
}

/** Waits (in real time: a worker takes a while to start on a busy machine) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  const giveUp = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error('condition never became true');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('DualQueue across threads', () => {
  it('a worker blocks in putSync while the main thread awaits get: everything arrives, in order, cloned', async () => {
    const queue = new DualQueue<Item & { at: Date; tags: Map<number, string> }>({ maxItems: 16 });
    const producer = start(queue.handle, 'produce-sync', { count: 2000, id: 7 });
    const received: number[] = [];
    for (let n = 0; n < 2000; n++) {
      const item = await queue.get();
      if (n === 1999) expect(item.at).toEqual(new Date(1999));
      if (n === 1999) expect(item.tags.get(1999)).toBe('7');
      received.push(item.i);
    }
    await producer.result;
    expect(received).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(queue.stats()).toMatchObject({ size: 0, waitingPutters: 0, waitingGetters: 0 });
  });

  it('the main thread awaits put into a full queue while a worker drains it with getSync', async () => {
    const queue = new DualQueue<Item>({ maxItems: 4, bytes: 256 });
    const consumer = start(queue.handle, 'consume-sync');
    for (let i = 0; i < 500; i++) await queue.put({ id: 0, i });
    queue.close();
    const [seen] = (await consumer.result) as [Item[]];
    expect(seen.map((item) => item.i)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('a blocked putter shows as waiting, and resumes when the main thread takes', async () => {
    const queue = new DualQueue<Item>({ maxItems: 1 });
    const producer = start(queue.handle, 'produce-sync', { count: 3, id: 1 });
    await until(() => queue.stats().waitingPutters === 1);
    expect(queue.size).toBe(1);
    const items = [await queue.get(), await queue.get(), await queue.get()];
    await producer.result;
    expect(items.map((item) => item.i)).toEqual([0, 1, 2]);
  });

  it('several producers and consumers on both sides: each item is delivered exactly once', async () => {
    const queue = new DualQueue<Item>({ maxItems: 8 });
    const producers = [1, 2, 3].map((id) =>
      start(queue.handle, id === 2 ? 'produce-async' : 'produce-sync', { count: 300, id }),
    );
    const workerConsumer = start(queue.handle, 'consume-sync');
    const mainSeen: Item[] = [];
    const mainConsumer = (async () => {
      for await (const item of queue) mainSeen.push(item);
    })();
    await Promise.all(producers.map((producer) => producer.result));
    queue.close();
    await mainConsumer;
    const [workerSeen] = (await workerConsumer.result) as [Item[]];
    const all = [...mainSeen, ...workerSeen].map((item) => `${item.id}:${item.i}`).sort();
    const expected = [1, 2, 3].flatMap((id) => Array.from({ length: 300 }, (_, i) => `${id}:${i}`)).sort();
    expect(all).toEqual(expected);
    // Each producer's items stay in order, whoever consumed them.
    for (const seen of [mainSeen, workerSeen]) {
      for (const id of [1, 2, 3]) {
        const order = seen.filter((item) => item.id === id).map((item) => item.i);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });

  it('a worker closing the queue wakes a getter waiting on the main thread', async () => {
    const queue = new DualQueue<Item>();
    const waiting = queue.get().catch((error: Error) => error.name);
    await until(() => queue.stats().waitingGetters === 1);
    await start(queue.handle, 'close').result;
    expect(await waiting).toBe('EndOfStreamError');
  });

  it('a worker waiting in getSync is woken by a put from the main thread', async () => {
    const queue = new DualQueue<Item>();
    const consumer = start(queue.handle, 'consume-sync');
    await until(() => queue.stats().waitingGetters === 1);
    await queue.put({ id: 9, i: 1 });
    queue.close();
    const [seen] = (await consumer.result) as [Item[]];
    expect(seen).toEqual([{ id: 9, i: 1 }]);
  });

  it('a worker awaiting get stays alive until the main thread puts', async () => {
    const queue = new DualQueue<Item>();
    const consumer = start(queue.handle, 'consume-async');
    await until(() => queue.stats().waitingGetters === 1);
    await queue.put({ id: 9, i: 1 });
    queue.close();
    const [seen] = (await consumer.result) as [Item[]];
    expect(seen).toEqual([{ id: 9, i: 1 }]);
  });
});
