import { Sema } from 'async-sema';

export async function limit({ tasks, concurrency }) {
  const sema = new Sema(concurrency);
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
  // async-sema has no run(fn): acquire, await the same task the other adapters run, release.
  const limited = async () => {
    await sema.acquire();
    try {
      return await task();
    } finally {
      sema.release();
    }
  };
  const pending = new Array(tasks);
  for (let i = 0; i < tasks; i++) pending[i] = limited();
  await Promise.all(pending);
  return { done, maxActive };
}

export async function lockSequential({ iterations }) {
  const sema = new Sema(1);
  let done = 0;
  for (let i = 0; i < iterations; i++) {
    await sema.acquire();
    done++;
    sema.release();
  }
  return done;
}

export async function lockContended({ workers, iterations }) {
  const sema = new Sema(1);
  let inside = false;
  let overlaps = 0;
  let done = 0;
  const worker = async () => {
    for (let i = 0; i < iterations; i++) {
      await sema.acquire();
      try {
        if (inside) overlaps++;
        inside = true;
        await null;
        inside = false;
        done++;
      } finally {
        sema.release();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { done, overlaps };
}
