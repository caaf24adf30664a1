// rate-limiter-flexible's Redis store on ioredis (its documented setup; insurance off, so refusals are
// answered by Redis alone). Its windows are whole seconds: `duration` is in seconds.
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

export async function rateLimiter({ port, limit, intervalMs }) {
  const redis = new Redis({ port, host: '127.0.0.1', enableOfflineQueue: false, lazyConnect: true });
  await redis.connect();
  const limiter = new RateLimiterRedis({
    storeClient: redis,
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
    close: async () => redis.disconnect(),
  };
}
