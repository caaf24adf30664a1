/** What an HTTP GET answered. */
export interface HttpReply {
  readonly status: number;
  readonly body: string;
}

/**
 * One `GET url` with `fetch`, as `curl` does it. A refused or reset connection is thrown as the system
 * error under fetch's `TypeError: fetch failed` (its `cause`), so that callers see `ECONNREFUSED` as they
 * do over TCP. Statuses are returned, not thrown: the client code decides what they mean.
 */
export async function httpGet(url: string): Promise<HttpReply> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof Error && 'code' in cause ? cause : error;
  }
  return { status: response.status, body: await response.text() };
}
