import type { Synchronized } from 'anysync/synchronizer';
import type { HttpReply } from './async-http-get.js';
import { networkSynchronizer } from './network-synchronizer.js';

export type { HttpReply } from './async-http-get.js';

type Transport = Synchronized<typeof import('./async-http-get.js')>;

let transport: Transport | undefined;

/** The blocking twin of `async-http-get.ts`: the same `fetch`, run on the Synchronizer's worker. */
export function httpGet(url: string): HttpReply {
  transport ??= networkSynchronizer.load<typeof import('./async-http-get.js')>(
    new URL('./async-http-get.js', import.meta.url),
  );
  return transport.httpGet(url);
}
