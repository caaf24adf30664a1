import type { RedisClient } from '../redis-client.js';
import { crossSlotOf } from './cross-slot-of.js';

type Listener = (message: string, channel: string) => void;

/** The parts of a node-redis (`redis` v5/v6) client this adapter uses. */
interface NodeRedisSingle {
  sendCommand(args: string[]): Promise<unknown>;
  duplicate(): NodeRedisSingle & {
    connect(): Promise<unknown>;
    unref?(): void;
    on(event: 'error', listener: (error: unknown) => void): unknown;
    destroy(): void;
  };
  subscribe(channel: string, listener: Listener): Promise<unknown>;
  unsubscribe(channel: string, listener?: Listener): Promise<unknown>;
  readonly options?: { readonly disableOfflineQueue?: boolean | undefined } | undefined;
}

/** The parts of a node-redis cluster (`createCluster()`) this adapter uses. */
interface NodeRedisCluster {
  sendCommand(
    firstKey: string | undefined,
    isReadonly: boolean | undefined,
    args: string[],
  ): Promise<unknown>;
  subscribe(channel: string, listener: Listener): Promise<unknown>;
  unsubscribe(channel: string, listener?: Listener): Promise<unknown>;
  getSlotMaster(slot: number): unknown;
  /** node-redis keeps a cluster's options here. */
  readonly _options?:
    | { readonly defaults?: { readonly disableOfflineQueue?: boolean | undefined } | undefined }
    | undefined;
}

/**
 * Options of {@link nodeRedisClient} and `ioredisClient`.
 *
 * @example
 * ```ts
 * import { ioredisClient, type ClientAdapterOptions } from '@anysync/redis';
 * import { Redis } from 'ioredis';
 *
 * const options: ClientAdapterOptions = { offlineQueue: true }; // accept a client that queues while offline
 * const client = ioredisClient(new Redis(), options);
 * ```
 */
export interface ClientAdapterOptions {
  /**
   * Accept a client whose offline queue is on. By default the adapter refuses one: while Redis is down,
   * such a client holds every call until it reconnects, so no failure policy could act, and calls pile up.
   */
  readonly offlineQueue?: boolean | undefined;
  /**
   * Whether one server holds every key, so that a script may touch keys of any hash slot (see
   * `RedisClient.crossSlot`). Defaults to true for a plain client and false for a cluster; say false for a
   * plain client that talks to a proxy routing commands by key (twemproxy, Envoy).
   */
  readonly crossSlot?: boolean | undefined;
}

function isCluster(client: NodeRedisSingle | NodeRedisCluster): client is NodeRedisCluster {
  return typeof (client as NodeRedisCluster).getSlotMaster === 'function';
}

function command(name: string, head: string, keys: readonly string[], args: readonly string[]): string[] {
  return [name, head, String(keys.length), ...keys, ...args];
}

/**
 * A {@link RedisClient} over node-redis, the client Redis recommends for new projects: a client from
 * `createClient()` (connected, with `disableOfflineQueue: true`) or a cluster from `createCluster()`
 * (with `defaults: { disableOfflineQueue: true }`). Scripts go to the node owning their first key;
 * subscriptions use a duplicate connection (a cluster's own pub/sub connection), opened on first use and
 * unref'd, so that it never keeps a process alive on its own.
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisRateLimitStore } from '@anysync/redis';
 * import { RateLimiter } from 'anysync/rate-limit';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ url: 'redis://127.0.0.1:6379', disableOfflineQueue: true }).connect();
 * const store = new RedisRateLimitStore({ client: nodeRedisClient(redis) });
 * const limiter = new RateLimiter({ limit: 100, interval: 1000, store, name: 'api' });
 * ```
 */
export function nodeRedisClient(client: object, options?: ClientAdapterOptions): RedisClient {
  const raw = client as NodeRedisSingle | NodeRedisCluster;
  if (typeof raw?.sendCommand !== 'function') {
    throw new TypeError(
      'nodeRedisClient(): expected a client from createClient() or createCluster() of `redis`',
    );
  }
  const queueOff = isCluster(raw)
    ? raw._options?.defaults?.disableOfflineQueue === true
    : raw.options?.disableOfflineQueue === true;
  if (!queueOff && options?.offlineQueue !== true) {
    throw new TypeError(
      `nodeRedisClient(): the client's offline queue is on, so calls would wait for Redis instead of failing by the store's policy; create it with ${isCluster(raw) ? 'defaults: { disableOfflineQueue: true }' : 'disableOfflineQueue: true'} (or pass { offlineQueue: true } to accept it)`,
    );
  }
  const crossSlot = crossSlotOf('nodeRedisClient()', options, !isCluster(raw));
  if (isCluster(raw)) {
    return {
      crossSlot,
      evalSha: (sha, keys, args) => raw.sendCommand(keys[0], false, command('EVALSHA', sha, keys, args)),
      eval: (source, keys, args) => raw.sendCommand(keys[0], false, command('EVAL', source, keys, args)),
      async subscribe(channel, listener) {
        const wrapped: Listener = (message) => listener(message);
        await raw.subscribe(channel, wrapped);
        return async () => void (await raw.unsubscribe(channel, wrapped));
      },
    };
  }
  let subscriber: Promise<ReturnType<NodeRedisSingle['duplicate']>> | undefined;
  return {
    crossSlot,
    evalSha: (sha, keys, args) => raw.sendCommand(command('EVALSHA', sha, keys, args)),
    eval: (source, keys, args) => raw.sendCommand(command('EVAL', source, keys, args)),
    async subscribe(channel, listener) {
      subscriber ??= (async () => {
        const duplicate = raw.duplicate();
        // It reconnects by itself; waits on it are bounded by the stores' timeouts. Unheard, an error
        // event would crash the process.
        duplicate.on('error', () => {});
        await duplicate.connect();
        // Listening alone never keeps a process alive; waiters hold their own timers.
        duplicate.unref?.();
        return duplicate;
      })();
      const connection = await subscriber;
      const wrapped: Listener = (message) => listener(message);
      await connection.subscribe(channel, wrapped);
      return async () => void (await connection.unsubscribe(channel, wrapped));
    },
    async close() {
      const opened = subscriber;
      subscriber = undefined;
      if (opened !== undefined) (await opened.catch(() => undefined))?.destroy();
    },
  };
}
