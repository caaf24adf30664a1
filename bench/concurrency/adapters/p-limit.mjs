import pLimit from 'p-limit';

export async function limit({ tasks, concurrency }) {
  const limiter = pLimit(concurrency);
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
  for (let i = 0; i < tasks; i++) pending[i] = limiter(task);
  await Promise.all(pending);
  return { done, maxActive };
}

export async function limitMap({ tasks, concurrency }) {
  const limiter = pLimit(concurrency);
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
  const results = await limiter.map(items, task);
  const ordered = results.length === tasks && results.every((value, i) => value === i);
  return { done, maxActive, ordered };
}
