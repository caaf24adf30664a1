// redis-semaphore's Semaphore on ioredis: waiters retry every `retryInterval` (10 ms by default).
import { Redis } from 'ioredis';
import { Semaphore } from 'redis-semaphore';

export async function semaphore({ port, permits }) {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
  await redis.connect();
  return {
    async run(fn) {
      const semaphore = new Semaphore(redis, 'pool', permits, {
        acquireTimeout: 120_000,
        lockTimeout: 10_000,
      });
      await semaphore.acquire();
      try {
        return await fn();
      } finally {
        await semaphore.release();
      }
    },
    close: async () => redis.disconnect(),
  };
}
