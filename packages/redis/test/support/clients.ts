import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { createClient as createClient5 } from 'redis5';
import { ioredisClient, nodeRedisClient, type RedisClient } from '../../src/index.js';

export type ClientKind = 'node-redis' | 'node-redis-5' | 'ioredis';
export const CLIENT_KINDS: readonly ClientKind[] = ['node-redis', 'node-redis-5', 'ioredis'];

export interface TestClient {
  readonly adapter: RedisClient;
  /** Runs a raw command (for checks: keys, TTLs, INFO). */
  command(...args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

/** A connected client of `kind`, with its offline queue off (as the adapters require by default). */
export async function connect(kind: ClientKind, port: number): Promise<TestClient> {
  if (kind === 'ioredis') {
    const redis = new Redis({
      port,
      host: '127.0.0.1',
      enableOfflineQueue: false,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    redis.on('error', () => {}); // reconnects are the tests' business
    await redis.connect();
    const adapter = ioredisClient(redis);
    return {
      adapter,
      command: (name, ...args) => redis.call(name, ...args),
      close: async () => {
        await adapter.close?.();
        redis.disconnect();
      },
    };
  }
  const create = kind === 'node-redis' ? createClient : (createClient5 as unknown as typeof createClient);
  const redis = create({ url: `redis://127.0.0.1:${port}`, disableOfflineQueue: true });
  redis.on('error', () => {}); // reconnects are the tests' business; node-redis would otherwise throw
  await redis.connect();
  const adapter = nodeRedisClient(redis);
  return {
    adapter,
    command: (...args) => redis.sendCommand(args),
    close: async () => {
      await adapter.close?.();
      redis.destroy();
    },
  };
}
