import type { LimitScript } from './limit-script.js';

/**
 * Sends `script` with its keys and arguments, the last argument being how many requests the call
 * decides; resolves to the script's reply.
 */
export type SendLimitCall = (
  limit: LimitScript,
  keys: readonly string[],
  args: readonly string[],
) => Promise<unknown>;

interface Waiter {
  resolve(reply: unknown): void;
  reject(error: unknown): void;
}

interface Lane {
  readonly limit: LimitScript;
  readonly keys: readonly string[];
  readonly args: readonly string[];
  queue: Waiter[];
}

/**
 * Never more requests in one script run: a batch is decided inside Redis, which serves nothing else
 * meanwhile, so its length bounds the pause other clients see.
 */
export const MAX_BATCH = 256;

/**
 * The concurrent calls of one process on one limit, sent as one script run. The first call on a limit
 * goes at once; calls that arrive while it is on its way wait for it and then go together, decided by the
 * script one after the other in arrival order, exactly as if each had been sent alone. A busy limit then
 * costs one round trip and one script run per batch instead of per call, and a lone call waits for
 * nothing. Only calls with the same keys and arguments (same limit, interval, weight and peek) share a
 * batch.
 */
export class LimitBatcher {
  readonly #lanes = new Map<string, Lane>();
  readonly #send: SendLimitCall;

  constructor(send: SendLimitCall) {
    this.#send = send;
  }

  /** Resolves to this call's own reply, in the shape `limit.decision()` takes. */
  call(limit: LimitScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const id = `${keys.join('\n')}\n\n${args.join('\n')}`;
    const lane = this.#lanes.get(id);
    if (lane !== undefined) {
      return new Promise((resolve, reject) => lane.queue.push({ resolve, reject }));
    }
    const fresh: Lane = { limit, keys, args, queue: [] };
    this.#lanes.set(id, fresh);
    return new Promise((resolve, reject) => this.#run(id, fresh, [{ resolve, reject }]));
  }

  #run(id: string, lane: Lane, batch: Waiter[]): void {
    const settled = (): void => {
      if (lane.queue.length === 0) {
        this.#lanes.delete(id);
        return;
      }
      const next = lane.queue.length <= MAX_BATCH ? lane.queue : lane.queue.slice(0, MAX_BATCH);
      lane.queue = lane.queue.length <= MAX_BATCH ? [] : lane.queue.slice(MAX_BATCH);
      this.#run(id, lane, next);
    };
    let sent: Promise<unknown>;
    try {
      sent = this.#send(lane.limit, lane.keys, [...lane.args, String(batch.length)]);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (reply) => {
        let replies: unknown[];
        try {
          replies = lane.limit.split(reply, batch.length);
        } catch (error) {
          for (const waiter of batch) waiter.reject(error);
          settled();
          return;
        }
        for (const [i, waiter] of batch.entries()) waiter.resolve(replies[i]);
        settled();
      },
      (error: unknown) => {
        for (const waiter of batch) waiter.reject(error);
        settled();
      },
    );
  }
}
