import type { Synchronized } from 'anysync/synchronizer';
import { networkSynchronizer } from './network-synchronizer.js';

type Transport = Synchronized<typeof import('./async-exchange.js')>;

let transport: Transport | undefined;

/** The blocking twin of `async-exchange.ts`: the same exchange, run on the Synchronizer's worker. */
export function exchange(host: string, port: number, line: string): string {
  transport ??= networkSynchronizer.load<typeof import('./async-exchange.js')>(
    new URL('./async-exchange.js', import.meta.url),
  );
  return transport.exchange(host, port, line);
}
