import { Mutex, Semaphore } from 'async-mutex';

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
  for (let i = 0; i < tasks; i++) pending[i] = semaphore.runExclusive(task);
  await Promise.all(pending);
  return { done, maxActive };
}

export async function lockSequential({ iterations }) {
  const mutex = new Mutex();
  let done = 0;
  for (let i = 0; i < iterations; i++) {
    const release = await mutex.acquire();
    done++;
    release();
  }
  return done;
}

export async function lockContended({ workers, iterations }) {
  const mutex = new Mutex();
  let inside = false;
  let overlaps = 0;
  let done = 0;
  const worker = async () => {
    for (let i = 0; i < iterations; i++) {
      const release = await mutex.acquire();
      try {
        if (inside) overlaps++;
        inside = true;
        await null;
        inside = false;
        done++;
      } finally {
        release();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { done, overlaps };
}
