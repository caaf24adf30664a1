// The HTTP form of the protocol, free of I/O: `GET /randint/25` asks for a whole number from 0 to 25.
import { checkUpper } from './randint-protocol.js';

/** The path that asks for a number from 0 to `upper`. */
export function randintPath(upper: number): string {
  return `/randint/${checkUpper(upper)}`;
}

/**
 * Reads a request path as the server does: the bound, `'bad-bound'` for `/randint/<not a bound>`, or
 * `undefined` for any other path.
 */
export function parseRandintPath(pathname: string): number | 'bad-bound' | undefined {
  const match = /^\/randint\/([^/]*)\/?$/.exec(pathname);
  if (match === null) return undefined;
  const text = match[1] ?? '';
  const upper = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(upper) ? upper : 'bad-bound';
}

/** The base URL of a server at `host:port`, with an IPv6 address in brackets. */
export function httpBase(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
