import { type Synchronized, Synchronizer } from 'anysync/synchronizer';

type Transport = Synchronized<typeof import('./async-exchange.js')>;

// One worker per thread that uses the sync client, started by the first request, never by an import.
const synchronizer = new Synchronizer({ name: 'randint network' });
let transport: Transport | undefined;

/** The blocking twin of `async-exchange.ts`: the same exchange, run on the Synchronizer's worker. */
export function exchange(host: string, port: number, line: string): string {
  transport ??= synchronizer.load<typeof import('./async-exchange.js')>(
    new URL('./async-exchange.js', import.meta.url),
  );
  return transport.exchange(host, port, line);
}
