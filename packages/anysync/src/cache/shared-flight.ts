import { currentSignal } from '../concurrency/current-scope.js';
import { Alarm } from '../internal/alarm.js';
import type { MemoizeCodec } from './memoize-codec.js';
import type { SingleFlightStore } from './single-flight-store.js';

/** How one shared memoized function talks to its store. */
export interface SharedFlightConfig {
  readonly store: SingleFlightStore;
  readonly codec: MemoizeCodec<unknown>;
  /** Milliseconds an outcome is kept after it settles (0: nothing kept, work still shared). */
  readonly ttl: number;
  readonly leaseMs: number;
  readonly keepErrors: boolean;
}

/** An error thrown in another process, rebuilt from its name and message. */
function remoteError(text: string): Error {
  const { name, message } = JSON.parse(text) as { name: string; message: string };
  const error = new Error(message, { cause: 'thrown by a shared computation in another process' });
  error.name = name;
  return error;
}

function decode(config: SharedFlightConfig, outcome: string): unknown {
  if (outcome.charCodeAt(0) === 101) throw remoteError(outcome.slice(1)); // 'e'
  return config.codec.decode(outcome.slice(1));
}

function encodeError(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `e${JSON.stringify({ name, message })}`;
}

/** Rejects when `signal` aborts; never settles otherwise. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A random owner token (crypto.randomUUID exists in every runtime anysync supports). */
function ownerToken(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Computes `key` once across every process sharing the store: the stored outcome if there is one; else,
 * holding the lease, `compute()` (renewing the lease meanwhile) and settling the outcome; else waiting for
 * whoever holds the lease, taking it over if the holder stops renewing. A computation abandoned by every
 * caller here gives the lease up without an outcome, so another process's waiter takes over.
 */
export async function computeShared(
  config: SharedFlightConfig,
  key: string,
  compute: () => unknown,
): Promise<unknown> {
  const { store } = config;
  const owner = ownerToken();
  const signal = currentSignal();
  const watch = await store.watch(key);
  try {
    for (;;) {
      const begin = await store.begin(key, owner, config.leaseMs);
      if (begin.outcome !== undefined) return decode(config, begin.outcome);
      if (begin.leader) return await lead(config, key, owner, compute);
      // Past the lease's end, ask again: the holder renewed it, settled, or died (then the lease is free).
      const waited = watch.next(Math.max(1, begin.leaseMs) + 1);
      const outcome = await (signal === undefined ? waited : Promise.race([waited, aborted(signal)]));
      if (outcome !== undefined && outcome !== '') return decode(config, outcome);
    }
  } finally {
    watch.close();
  }
}

async function lead(
  config: SharedFlightConfig,
  key: string,
  owner: string,
  compute: () => unknown,
): Promise<unknown> {
  const { store, leaseMs } = config;
  const alarm = new Alarm();
  let running = true;
  const renewing = (async () => {
    while (running) {
      await alarm.wait(leaseMs / 3);
      if (running && !(await store.renew(key, owner, leaseMs).catch(() => true))) return;
    }
  })();
  let value: unknown;
  try {
    value = await compute();
  } catch (error) {
    running = false;
    alarm.wake();
    await renewing;
    if (currentSignal()?.aborted) await store.settle(key, owner, '', 0).catch(() => {});
    else await store.settle(key, owner, encodeError(error), config.keepErrors ? config.ttl : 0);
    throw error;
  }
  running = false;
  alarm.wake();
  await renewing;
  let outcome: string;
  try {
    outcome = `v${config.codec.encode(value)}`;
  } catch (error) {
    await store.settle(key, owner, '', 0).catch(() => {});
    throw error;
  }
  await store.settle(key, owner, outcome, config.ttl);
  return value;
}
