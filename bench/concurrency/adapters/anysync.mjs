import { TaskGroup } from 'anysync/concurrency';
import { Lock, Semaphore, createChannel } from 'anysync/primitives';

export async function spawnJoin({ groups, tasksPerGroup }) {
  let done = 0;
  const task = async () => {
    done++;
  };
  for (let g = 0; g < groups; g++) {
    const group = new TaskGroup();
    for (let i = 0; i < tasksPerGroup; i++) group.spawn(task);
    await group.join();
  }
  return done;
}

export async function limit({ tasks, concurrency }) {
  const semaphore = new Semaphore(concurrency);
  let active = 0;
  let maxActive = 0;
  let done = 0;
  const task = async () => {
    active++;
    if (active > maxActive) maxActive = active;
    await null;
    active--;
    done++;
  };
  const pending = new Array(tasks);
  for (let i = 0; i < tasks; i++) pending[i] = semaphore.run(task);
  await Promise.all(pending);
  return { done, maxActive };
}

export async function lockSequential({ iterations }) {
  const lock = new Lock();
  let done = 0;
  for (let i = 0; i < iterations; i++) {
    const permit = await lock.acquire();
    done++;
    permit.release();
  }
  return done;
}

export async function lockContended({ workers, iterations }) {
  const lock = new Lock();
  let inside = false;
  let overlaps = 0;
  let done = 0;
  const worker = async () => {
    for (let i = 0; i < iterations; i++) {
      const permit = await lock.acquire();
      try {
        if (inside) overlaps++;
        inside = true;
        await null;
        inside = false;
        done++;
      } finally {
        permit.release();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { done, overlaps };
}

export async function channel({ items, buffer }) {
  const [send, receive] = createChannel(buffer);
  const producer = (async () => {
    for (let i = 0; i < items; i++) await send.send(i);
    send.close();
  })();
  let sum = 0;
  for await (const item of receive) sum += item;
  await producer;
  return sum;
}

export async function limitMap({ tasks, concurrency }) {
  const semaphore = new Semaphore(concurrency);
  let active = 0;
  let maxActive = 0;
  let done = 0;
  const task = async (i) => {
    active++;
    if (active > maxActive) maxActive = active;
    await null;
    active--;
    done++;
    return i;
  };
  const items = Array.from({ length: tasks }, (_, i) => i);
  const results = await semaphore.map(items, task);
  const ordered = results.length === tasks && results.every((value, i) => value === i);
  return { done, maxActive, ordered };
}
