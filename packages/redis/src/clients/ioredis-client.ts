import type { RedisClient } from '../redis-client.js';
import { crossSlotOf } from './cross-slot-of.js';
import type { ClientAdapterOptions } from './node-redis-client.js';

/** The parts of an ioredis `Redis` or `Cluster` this adapter uses. */
interface IoredisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
  nodes?: unknown;
  duplicate(...override: unknown[]): IoredisLike & {
    subscribe(channel: string): Promise<unknown>;
    unsubscribe(channel: string): Promise<unknown>;
    on(event: 'message', listener: (channel: string, message: string) => void): unknown;
    on(event: 'connect', listener: () => void): unknown;
    on(event: 'error', listener: (error: unknown) => void): unknown;
    readonly stream?: { unref?(): void } | undefined;
    disconnect(): void;
  };
  readonly options?: { readonly enableOfflineQueue?: boolean | undefined } | undefined;
}

/**
 * A {@link RedisClient} over ioredis (a `Redis` or a `Cluster`, created with `enableOfflineQueue: false`).
 * Scripts go to the node owning their first key; subscriptions use one duplicate connection, opened on
 * first use, shared by every channel and unref'd, so that it never keeps a process alive on its own.
 *
 * @example
 * ```ts
 * import { ioredisClient, RedisLockoutStore } from '@anysync/redis';
 * import { Redis } from 'ioredis';
 * import { Lockout } from 'anysync/rate-limit';
 *
 * const redis = new Redis({ port: 6379, enableOfflineQueue: false });
 * await new Promise((resolve) => redis.once('ready', resolve));
 * const gate = new Lockout({ store: new RedisLockoutStore({ client: ioredisClient(redis) }), name: 'github' });
 * ```
 */
export function ioredisClient(client: object, options?: ClientAdapterOptions): RedisClient {
  const raw = client as IoredisLike;
  if (typeof raw?.call !== 'function' || typeof raw.duplicate !== 'function') {
    throw new TypeError('ioredisClient(): expected an ioredis Redis or Cluster');
  }
  if (raw.options?.enableOfflineQueue !== false && options?.offlineQueue !== true) {
    throw new TypeError(
      "ioredisClient(): the client's offline queue is on, so calls would wait for Redis instead of failing by the store's policy; create it with enableOfflineQueue: false (or pass { offlineQueue: true } to accept it)",
    );
  }
  const crossSlot = crossSlotOf('ioredisClient()', options, typeof raw.nodes !== 'function');
  const channels = new Map<string, { listeners: Set<(message: string) => void>; ready: Promise<unknown> }>();
  let subscriber: ReturnType<IoredisLike['duplicate']> | undefined;
  const connection = () => {
    if (subscriber === undefined) {
      // The subscriber may queue while it connects: the stores bound every wait for it by their timeout.
      const override = { enableOfflineQueue: true };
      subscriber =
        typeof raw.nodes === 'function' ? raw.duplicate(undefined, override) : raw.duplicate(override);
      const connected = subscriber;
      // Listening alone never keeps a process alive; waiters hold their own timers.
      connected.on('connect', () => connected.stream?.unref?.());
      // It reconnects by itself; waits on it are bounded by the stores' timeouts.
      connected.on('error', () => {});
      subscriber.on('message', (channel, message) => {
        for (const listener of channels.get(channel)?.listeners ?? []) listener(message);
      });
    }
    return subscriber;
  };
  return {
    crossSlot,
    evalSha: (sha, keys, args) => raw.call('EVALSHA', sha, String(keys.length), ...keys, ...args),
    eval: (source, keys, args) => raw.call('EVAL', source, String(keys.length), ...keys, ...args),
    async subscribe(channel, listener) {
      let entry = channels.get(channel);
      if (entry === undefined) {
        entry = { listeners: new Set(), ready: connection().subscribe(channel) };
        channels.set(channel, entry);
      }
      const subscribed = entry;
      subscribed.listeners.add(listener);
      await subscribed.ready;
      return async () => {
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0 && channels.get(channel) === subscribed) {
          channels.delete(channel);
          await connection().unsubscribe(channel);
        }
      };
    },
    async close() {
      subscriber?.disconnect();
      subscriber = undefined;
      channels.clear();
    },
  };
}
