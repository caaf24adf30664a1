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
  /** When its run was sent (performance.now()). */
  sentAt: number;
  /** Another lane on the same first key (other arguments: weight, peek), or none. */
  other: Lane | undefined;
}

/**
 * Never more requests in one script run: a batch is decided inside Redis, which serves nothing else
 * meanwhile, so its length bounds the pause other clients see.
 */
export const MAX_BATCH = 256;

function same(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The concurrent calls of one process on one limit, sent as one script run. The first call on a limit
 * goes at once; calls that arrive while it is on its way wait for it and then go together, decided by the
 * script one after the other in arrival order, exactly as if each had been sent alone. A busy limit then
 * costs one round trip and one script run per batch instead of per call, and a lone call waits for
 * nothing. Only calls with the same keys and arguments (same limit, interval, weight and peek) share a
 * batch. A run without an answer for `staleMs` no longer gathers calls: the next one starts a lane of its
 * own, so a lost reply never holds a limit's later calls.
 */
export class LimitBatcher {
  /** Lanes by their first key: a limit's keys share it, and it names the algorithm and the limit. */
  readonly #lanes = new Map<string, Lane>();
  readonly #send: SendLimitCall;
  readonly #staleMs: number;

  constructor(send: SendLimitCall, staleMs: number) {
    this.#send = send;
    this.#staleMs = staleMs;
  }

  /** Resolves to this call's own reply, in the shape `limit.decision()` takes. */
  call(limit: LimitScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const first = keys[0] ?? '';
    let lane = this.#lanes.get(first);
    while (lane !== undefined && !(same(lane.args, args) && same(lane.keys, keys))) lane = lane.other;
    if (lane !== undefined && performance.now() - lane.sentAt < this.#staleMs) {
      const { queue } = lane;
      return new Promise((resolve, reject) => queue.push({ resolve, reject }));
    }
    if (lane !== undefined) {
      // Redis has left this limit unanswered for a whole timeout: the calls queued behind the lost run
      // fail now (their store's policy answers them) rather than go late, spending the limit for callers
      // who may be gone.
      this.#unlink(lane);
      const abandoned = lane.queue;
      lane.queue = [];
      for (const waiter of abandoned) waiter.reject(new Error('the run ahead of this call got no answer'));
    }
    const fresh: Lane = { limit, keys, args, queue: [], sentAt: 0, other: this.#lanes.get(first) };
    this.#lanes.set(first, fresh);
    return new Promise((resolve, reject) => this.#run(fresh, [{ resolve, reject }]));
  }

  #unlink(lane: Lane): void {
    const first = lane.keys[0] ?? '';
    let at = this.#lanes.get(first);
    if (at === lane) {
      if (lane.other === undefined) this.#lanes.delete(first);
      else this.#lanes.set(first, lane.other);
      return;
    }
    while (at !== undefined && at.other !== lane) at = at.other;
    if (at !== undefined) at.other = lane.other;
  }

  #run(lane: Lane, batch: Waiter[]): void {
    const settled = (): void => {
      if (lane.queue.length === 0) {
        this.#unlink(lane);
        return;
      }
      const next = lane.queue.length <= MAX_BATCH ? lane.queue : lane.queue.slice(0, MAX_BATCH);
      lane.queue = lane.queue.length <= MAX_BATCH ? [] : lane.queue.slice(MAX_BATCH);
      this.#run(lane, next);
    };
    let sent: Promise<unknown>;
    lane.sentAt = performance.now();
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
