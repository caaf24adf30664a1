// The workloads of bench/redis and who runs each. Rate-limit workloads time `consume(key)` calls with a
// fixed number in flight; the semaphore workload times acquire-hold-release cycles of many contenders.
const RATE = [
  'anysync sliding-log',
  'anysync sliding-counter',
  'anysync gcra',
  'anysync gcra (ioredis)',
  'rate-limiter-flexible',
  'rate-limiter-flexible (node-redis)',
  'rate-limiter-flexible (ioredis auto-pipelining)',
];

/** How each contender is made: its adapter module, export and options. */
export const contenders = {
  'anysync sliding-log': { module: 'anysync', options: { algorithm: 'sliding-log' } },
  'anysync sliding-counter': { module: 'anysync', options: { algorithm: 'sliding-counter' } },
  'anysync gcra': { module: 'anysync', options: { algorithm: 'gcra' } },
  'anysync gcra (ioredis)': { module: 'anysync', options: { algorithm: 'gcra', client: 'ioredis' } },
  'rate-limiter-flexible': { module: 'rate-limiter-flexible', options: {} },
  'rate-limiter-flexible (node-redis)': {
    module: 'rate-limiter-flexible',
    options: { client: 'node-redis' },
  },
  'rate-limiter-flexible (ioredis auto-pipelining)': {
    module: 'rate-limiter-flexible',
    options: { client: 'ioredis-auto' },
  },
  bottleneck: { module: 'bottleneck', options: {} },
  'anysync Semaphore': { module: 'anysync', options: {} },
  'anysync Semaphore (ioredis)': { module: 'anysync', options: { client: 'ioredis' } },
  'redis-semaphore': { module: 'redis-semaphore', options: {} },
};

export const workloads = {
  'hot-50': {
    title: 'One hot key, 50 calls in flight, all admitted',
    kind: 'rate',
    ops: 20_000,
    concurrency: 50,
    keys: 1,
    limit: 1e9,
    intervalMs: 1000,
    contenders: [...RATE, 'bottleneck'],
  },
  'hot-1000': {
    title: 'One hot key, 1,000 calls in flight, all admitted',
    kind: 'rate',
    ops: 20_000,
    concurrency: 1000,
    keys: 1,
    limit: 1e9,
    intervalMs: 1000,
    contenders: [...RATE, 'bottleneck'],
  },
  'keys-10k': {
    title: '10,000 random keys, 50 calls in flight, all admitted',
    kind: 'rate',
    ops: 20_000,
    concurrency: 50,
    keys: 10_000,
    limit: 1e9,
    intervalMs: 1000,
    contenders: RATE,
  },
  'over-limit': {
    title: 'One hot key, every call over the limit (1 per 60 s), 50 in flight',
    kind: 'rate',
    ops: 20_000,
    concurrency: 50,
    keys: 1,
    limit: 1,
    intervalMs: 60_000,
    overLimit: true,
    contenders: RATE,
  },
  'semaphore-10x100': {
    title: 'Semaphore of 10 permits, 100 contenders, 50 acquire-hold(1 ms)-release cycles each',
    kind: 'semaphore',
    permits: 10,
    contenders: 100,
    cycles: 50,
    holdMs: 1,
    contenders_: ['anysync Semaphore', 'anysync Semaphore (ioredis)', 'redis-semaphore', 'bottleneck'],
  },
};

/** Who runs each workload. */
export function lineup(name) {
  const workload = workloads[name];
  return workload.kind === 'semaphore' ? workload.contenders_ : workload.contenders;
}
