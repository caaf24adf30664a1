// anysync's shared primitives over @anysync/redis, on node-redis (the default) or ioredis.
import { ioredisClient, nodeRedisClient, RedisRateLimitStore, RedisSemaphoreStore } from '@anysync/redis';
import { Semaphore } from 'anysync/primitives';
import { RateLimiter } from 'anysync/rate-limit';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

async function connect(port, client) {
  if (client === 'ioredis' || client === 'ioredis-auto') {
    const redis = new Redis({
      port,
      host: '127.0.0.1',
      enableOfflineQueue: false,
      lazyConnect: true,
      enableAutoPipelining: client === 'ioredis-auto',
    });
    await redis.connect();
    const adapter = ioredisClient(redis);
    const close = async () => {
      await adapter.close();
      redis.disconnect();
    };
    return { adapter, close };
  }
  const redis = await createClient({ url: `redis://127.0.0.1:${port}`, disableOfflineQueue: true }).connect();
  const adapter = nodeRedisClient(redis);
  const close = async () => {
    await adapter.close();
    redis.destroy();
  };
  return { adapter, close };
}

/** A rate-limit contender: `consume(key)` resolves to whether one unit was admitted. */
export async function rateLimiter({ port, limit, intervalMs, algorithm, client = 'node-redis' }) {
  const connection = await connect(port, client);
  const store = new RedisRateLimitStore({ client: connection.adapter, prefix: 'bench', timeoutMs: 10_000 });
  const limiters = new Map();
  return {
    async consume(key) {
      let limiter = limiters.get(key);
      if (limiter === undefined) {
        limiter = new RateLimiter({ limit, interval: intervalMs, store, name: key, algorithm });
        limiters.set(key, limiter);
      }
      return (await limiter.consume()).admitted;
    },
    close: connection.close,
  };
}

/** A semaphore contender: `run(fn)` holds one of `permits` while `fn` runs. */
export async function semaphore({ port, permits, client = 'node-redis' }) {
  const connection = await connect(port, client);
  const store = new RedisSemaphoreStore({ client: connection.adapter, prefix: 'bench', timeoutMs: 10_000 });
  const shared = new Semaphore(permits, { store, name: 'pool', leaseMs: 10_000 });
  return { run: (fn) => shared.run(fn), close: connection.close };
}
