import PQueue from 'p-queue';

export async function limit({ tasks, concurrency }) {
  const queue = new PQueue({ concurrency });
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
  for (let i = 0; i < tasks; i++) pending[i] = queue.add(task);
  await Promise.all(pending);
  return { done, maxActive };
}

export async function limitMap({ tasks, concurrency }) {
  const queue = new PQueue({ concurrency });
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
  const results = await queue.addAll(items.map((i) => () => task(i)));
  const ordered = results.length === tasks && results.every((value, i) => value === i);
  return { done, maxActive, ordered };
}
