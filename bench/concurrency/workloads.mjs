// The workloads every adapter runs. Each returns what it did so the harness can check the adapter really
// did the work (a fast wrong answer must not win). `ops` is what a "per operation" figure divides by.

export const workloads = {
  'spawn-join': {
    title: 'TaskGroup spawn + join (1 000 tasks per group, 20 groups)',
    method: 'spawnJoin',
    ops: 20_000,
    params: { groups: 20, tasksPerGroup: 1000 },
    validate: (done) => done === 20_000,
  },
  'spawn-join-small': {
    title: 'TaskGroup spawn + join in small groups (10 tasks per group, 2 000 groups)',
    method: 'spawnJoin',
    ops: 20_000,
    params: { groups: 2000, tasksPerGroup: 10 },
    validate: (done) => done === 20_000,
  },
  'limit-100k': {
    title: 'Semaphore limiting 100 000 small tasks (concurrency 16)',
    method: 'limit',
    ops: 100_000,
    params: { tasks: 100_000, concurrency: 16 },
    validate: (result) => result.done === 100_000 && result.maxActive <= 16 && result.maxActive > 1,
  },
  'limit-map-100k': {
    title: 'Bulk limited map over 100 000 small tasks (concurrency 16, results in order)',
    method: 'limitMap',
    ops: 100_000,
    params: { tasks: 100_000, concurrency: 16 },
    validate: (result) => result.done === 100_000 && result.maxActive === 16 && result.ordered,
  },
  'lock-uncontended': {
    title: 'Lock acquire + release, uncontended (100 000 sequential)',
    method: 'lockSequential',
    ops: 100_000,
    params: { iterations: 100_000 },
    validate: (done) => done === 100_000,
  },
  'lock-contended': {
    title: 'Lock acquire + release, contended (8 workers x 12 500, an await inside the critical section)',
    method: 'lockContended',
    ops: 100_000,
    params: { workers: 8, iterations: 12_500 },
    validate: (result) => result.done === 100_000 && result.overlaps === 0,
  },
  'channel-64': {
    title: 'Channel send + receive (100 000 items, buffer 64, one producer, one consumer)',
    method: 'channel',
    ops: 100_000,
    params: { items: 100_000, buffer: 64 },
    validate: (sum) => sum === (100_000 * 99_999) / 2,
  },
  'channel-0': {
    title: 'Channel send + receive (100 000 items, rendezvous / unbuffered)',
    method: 'channel',
    ops: 100_000,
    params: { items: 100_000, buffer: 0 },
    validate: (sum) => sum === (100_000 * 99_999) / 2,
  },
};

/** Which adapters run each workload, in table order. */
export const lineup = {
  'spawn-join': ['anysync', 'native', 'effection'],
  'spawn-join-small': ['anysync', 'native', 'effection'],
  'limit-100k': ['anysync', 'p-limit', 'p-queue', 'async-sema', 'async-mutex'],
  'limit-map-100k': ['anysync', 'p-limit', 'p-queue'],
  'lock-uncontended': ['anysync', 'async-mutex', 'async-sema'],
  'lock-contended': ['anysync', 'async-mutex', 'async-sema'],
  'channel-64': ['anysync', 'web-streams', 'effection'],
  'channel-0': ['anysync', 'web-streams'],
};
