/**
 * The sync API of the key-value client: the async module above, loaded on a synchronizer's worker. The
 * client's connection and state stay on the worker between calls; every method blocks, and has an
 * `.async` twin. This file is all a library author writes to offer sync callers the same client.
 */
import { type Synchronized, Synchronizer } from 'anysync/synchronizer';
import { KvError } from './kv-client.js';

/** One worker for the process; it starts on first use and never keeps the process alive. */
export const synchronizer = new Synchronizer({ timeout: 5_000, errors: [KvError] });

let loaded: Synchronized<typeof import('./kv-client.js')> | undefined;

/** The sync client module: `kv().KvClient.connect(port)` returns a handle with blocking methods. */
export function kv(): Synchronized<typeof import('./kv-client.js')> {
  loaded ??= synchronizer.load<typeof import('./kv-client.js')>(new URL('./kv-client.js', import.meta.url));
  return loaded;
}

export { KvError };
