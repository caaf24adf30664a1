// rate-limiter-flexible's Redis store (insurance off, so refusals are answered by Redis alone). Its windows
// are fixed and start at a key's first hit; `duration` is in whole seconds. Clients: ioredis (its
// documented setup; `ioredis-auto` with ioredis' auto-pipelining on) or node-redis (`useRedisPackage`, which
// it runs with EVAL, sending the script's source on every call).
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { createClient } from 'redis';

async function connect(port, client) {
  if (client === 'node-redis') {
    const redis = await createClient({
      url: `redis://127.0.0.1:${port}`,
      disableOfflineQueue: true,
    }).connect();
    return { storeClient: redis, useRedisPackage: true, close: async () => redis.destroy() };
  }
  const redis = new Redis({
    port,
    host: '127.0.0.1',
    enableOfflineQueue: false,
    lazyConnect: true,
    enableAutoPipelining: client === 'ioredis-auto',
  });
  await redis.connect();
  return { storeClient: redis, useRedisPackage: false, close: async () => redis.disconnect() };
}

export async function rateLimiter({ port, limit, intervalMs, client = 'ioredis' }) {
  const { storeClient, useRedisPackage, close } = await connect(port, client);
  const limiter = new RateLimiterRedis({
    storeClient,
    useRedisPackage,
    points: limit,
    duration: intervalMs / 1000,
    keyPrefix: 'rlf',
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return true;
      } catch (rejection) {
        if (rejection instanceof Error) throw rejection;
        return false; // a RateLimiterRes: refused
      }
    },
    close,
  };
}
