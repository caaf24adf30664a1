// The hot paths whose cost the input checks must not raise: each workload takes the loaded anysync
// modules (of one build or another) and returns { ops, check }, `check` being a figure that the harness
// compares between builds, so that a build doing less work cannot look faster.

export const workloads = {
  'lock-acquire-release': {
    title: 'Lock: acquire() and release, uncontended (100 000)',
    async run({ primitives }) {
      const lock = new primitives.Lock();
      let held = 0;
      for (let i = 0; i < 100_000; i++) {
        const permit = await lock.acquire();
        held++;
        permit.release();
      }
      return { ops: 100_000, check: held };
    },
  },
  'lock-acquire-signal': {
    title: 'Lock: acquire({ signal }) and release, uncontended (100 000)',
    async run({ primitives }) {
      const lock = new primitives.Lock();
      const options = { signal: new AbortController().signal };
      let held = 0;
      for (let i = 0; i < 100_000; i++) {
        const permit = await lock.acquire(options);
        held++;
        permit.release();
      }
      return { ops: 100_000, check: held };
    },
  },
  'semaphore-acquire-release': {
    title: 'Semaphore(4): acquire() and release, uncontended (100 000)',
    async run({ primitives }) {
      const semaphore = new primitives.Semaphore(4);
      let held = 0;
      for (let i = 0; i < 100_000; i++) {
        const permit = await semaphore.acquire();
        held++;
        permit.release();
      }
      return { ops: 100_000, check: held + semaphore.value };
    },
  },
  'semaphore-try-weighted': {
    title: 'Semaphore(8): tryAcquire(3) and release, sync (1 000 000)',
    async run({ primitives }) {
      const semaphore = new primitives.Semaphore(8);
      let held = 0;
      for (let i = 0; i < 1_000_000; i++) {
        const permit = semaphore.tryAcquire(3);
        if (permit !== undefined) held++;
        permit?.release();
      }
      return { ops: 1_000_000, check: held + semaphore.value };
    },
  },
  'semaphore-run-queued': {
    title: 'Semaphore(4): run() with 100 000 calls queued at once',
    async run({ primitives }) {
      const semaphore = new primitives.Semaphore(4);
      const task = async () => 1;
      const calls = new Array(100_000);
      for (let i = 0; i < calls.length; i++) calls[i] = semaphore.run(task);
      let sum = 0;
      for (const value of await Promise.all(calls)) sum += value;
      return { ops: 100_000, check: sum };
    },
  },
  'memoize-hits': {
    title: 'memoize: cache hits (100 000 calls over 1 000 warm keys)',
    async run({ cache }) {
      let computed = 0;
      const double = cache.memoize(async (n) => {
        computed++;
        return n * 2;
      });
      for (let k = 0; k < 1000; k++) await double(k);
      let sum = 0;
      for (let i = 0; i < 100_000; i++) sum += await double(i % 1000);
      return { ops: 100_000, check: sum + computed };
    },
  },
  'rate-limit-acquire': {
    title: 'RateLimiter: acquire() under an open limit (100 000)',
    async run({ rateLimit }) {
      const limiter = new rateLimit.RateLimiter({ limit: 1e9, interval: 1000 });
      for (let i = 0; i < 100_000; i++) await limiter.acquire();
      return { ops: 100_000, check: limiter.stats().admitted };
    },
  },
  'rate-limit-try-weighted': {
    title: 'RateLimiter: tryAcquire(2.5) under an open limit (1 000 000)',
    async run({ rateLimit }) {
      const limiter = new rateLimit.RateLimiter({ limit: 1e7, interval: 1000 });
      let admitted = 0;
      for (let i = 0; i < 1_000_000; i++) if (limiter.tryAcquire(2.5)) admitted++;
      return { ops: 1_000_000, check: admitted };
    },
  },
};
