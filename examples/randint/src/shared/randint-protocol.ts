// The wire format, free of I/O: a request is the upper bound and a newline, the reply a number and a newline.

/** How a client talks to the server: a line over a TCP connection, or `GET /randint/<upper>` over HTTP. */
export type RandintProtocol = 'tcp' | 'http';

/** Where a randint server listens, and how to ask it. */
export interface RandintAddress {
  readonly host?: string | undefined;
  readonly port: number;
  /** `'tcp'` (the default) or `'http'`. */
  readonly protocol?: RandintProtocol | undefined;
}

/** The largest upper bound the protocol carries exactly. */
export const MAX_UPPER = Number.MAX_SAFE_INTEGER;

/** Checks an upper bound before anything is sent. */
export function checkUpper(upper: number): number {
  if (!(Number.isSafeInteger(upper) && upper >= 0)) {
    throw new RangeError(`the upper bound must be a whole number from 0 to ${MAX_UPPER}, got ${upper}`);
  }
  return upper;
}

/** The request line for `upper`. */
export function formatRequest(upper: number): string {
  return `${checkUpper(upper)}\n`;
}

/** Reads a request line as the server does; `undefined` when it is not a valid bound. */
export function parseRequest(line: string): number | undefined {
  const text = line.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const upper = Number(text);
  return Number.isSafeInteger(upper) ? upper : undefined;
}

/** The number in a reply, checked against the bound that was asked for. */
export function parseReply(reply: string, upper: number): number {
  const text = reply.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > upper) {
    throw new Error(`the server sent ${JSON.stringify(reply)} for an upper bound of ${upper}`);
  }
  return value;
}
