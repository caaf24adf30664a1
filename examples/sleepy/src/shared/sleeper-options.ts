import type { BackendName } from '../backends/backend.js';

/** How a sleeper naps. Both twins take the same options. */
export interface SleeperOptions {
  /** The I/O flavour; by default the one for the current runtime (async) or `'threads'` (sync). */
  readonly backend?: BackendName | undefined;
  /** The length of one nap in seconds (default 1). */
  readonly seconds?: number | undefined;
  /** Naps the sync twin runs at once on its thread pool (default 32). */
  readonly threads?: number | undefined;
}

/** Checks options where they are given (the constructor), so that a mistake is not found on first use. */
export function checkSleeperOptions(options: SleeperOptions): SleeperOptions {
  const { seconds, threads } = options;
  if (seconds !== undefined && !(seconds >= 0 && Number.isFinite(seconds)))
    throw new RangeError(`seconds must be a finite number >= 0, got ${seconds}`);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  return { ...options };
}

/** Checks a nap count: a whole number of naps, none or more. */
export function checkNapCount(count: number): number {
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError(`the number of naps must be a whole number >= 0, got ${count}`);
  return count;
}
