import { createQueue, run, spawn } from 'effection';

export async function spawnJoin({ groups, tasksPerGroup }) {
  let done = 0;
  // biome-ignore lint/correctness/useYield: the smallest Effection operation, matching the empty async task
  function* task() {
    done++;
  }
  for (let g = 0; g < groups; g++) {
    await run(function* () {
      const tasks = new Array(tasksPerGroup);
      for (let i = 0; i < tasksPerGroup; i++) tasks[i] = yield* spawn(task);
      for (const spawned of tasks) yield* spawned;
    });
  }
  return done;
}

// Effection's queue is unbounded (no backpressure), so it gets one row, next to our buffered channel.
export async function channel({ items }) {
  return run(function* () {
    const queue = createQueue();
    // biome-ignore lint/correctness/useYield: the producer only adds; it never waits
    yield* spawn(function* () {
      for (let i = 0; i < items; i++) queue.add(i);
      queue.close();
    });
    let sum = 0;
    for (let next = yield* queue.next(); !next.done; next = yield* queue.next()) sum += next.value;
    return sum;
  });
}
