import { setImmediate } from 'node:timers';
import type { RateLimitDecision, RateLimitRequest } from 'anysync/rate-limit';
import { Deadlines } from '../deadlines.js';
import { LimitCall } from './limit-call.js';
import { type LimitGroup, LimitRoute, runRequest } from './limit-route.js';
import type { LimitScript } from './limit-script.js';
import { unexpectedReply } from './unexpected-reply.js';

/**
 * Sends `script` with its keys and arguments: one limit's keys then its arguments, the last being how
 * many requests the call decides, for each group of the run; resolves to the script's reply.
 */
export type SendLimitCall = (
  limit: LimitScript,
  keys: readonly string[],
  args: readonly string[],
) => Promise<unknown>;

/** What a call that failed (Redis down, a timeout, a bad reply) is answered by: the store's policy. */
export type LimitFailure = (
  cause: unknown,
  name: string,
  request: RateLimitRequest,
) => RateLimitDecision | Promise<RateLimitDecision>;

/** Options of a {@link LimitBatcher}. */
export interface LimitBatcherOptions {
  readonly send: SendLimitCall;
  /** Every call's timeout; a run unanswered for as long stops gathering calls. */
  readonly timeoutMs: number;
  readonly onFailure: LimitFailure;
  /** One server holds every key: any limits may share a run. */
  readonly crossSlot?: boolean;
}

/**
 * Never more requests in one script run: a batch is decided inside Redis, which serves nothing else
 * meanwhile, so its length bounds the pause other clients see.
 */
export const MAX_BATCH = 256;

/**
 * How many runs of a route may be on their way at once: with two, Redis decides one batch while this
 * process answers the other one's callers and gathers the next, rather than each waiting for the other.
 */
export const RUNS_IN_FLIGHT = 2;

/**
 * The concurrent `consume()` calls of one process, sent as few script runs. Calls made in one turn of the
 * event loop go together at its end, and while a route has two runs on their way its later calls wait
 * for one to come back; each run's groups of calls on one limit are decided by the script one after the
 * other in arrival order, exactly as if each call had been sent alone. Busy limits then cost one round
 * trip and one script run per batch instead of per call. A route is one algorithm when `crossSlot` says
 * one server holds every key (any limits may share a run), else one limit's first key (a cluster routes a
 * run by it). Each call has the timeout; a run unanswered for as long no longer gathers calls: the next
 * one starts a route of its own, so a lost reply never holds later calls.
 */
export class LimitBatcher {
  readonly #routes = new Map<string, LimitRoute>();
  readonly #send: SendLimitCall;
  readonly #onFailure: LimitFailure;
  readonly #crossSlot: boolean;
  readonly #deadlines: Deadlines<LimitCall>;
  /** Routes given calls this turn while they had room for a run. */
  readonly #ready = new Set<LimitRoute>();
  #flushing = false;

  constructor({ send, timeoutMs, onFailure, crossSlot = false }: LimitBatcherOptions) {
    this.#send = send;
    this.#onFailure = onFailure;
    this.#crossSlot = crossSlot;
    this.#deadlines = new Deadlines<LimitCall>(timeoutMs, (call, timeout) => this.#fail(call, timeout));
  }

  /** Resolves to the decision on `request` for the limit `name`, whose keys and arguments are given. */
  call(
    limit: LimitScript,
    name: string,
    keys: readonly string[],
    args: readonly string[],
    request: RateLimitRequest,
  ): Promise<RateLimitDecision> {
    // A key always holds a '{' (its hash tag) and a kind never does: the two kinds of names cannot meet.
    const routeName = this.#crossSlot ? limit.kind : (keys[0] ?? '');
    let route = this.#routes.get(routeName);
    if (route !== undefined && performance.now() - (route.sentAt[0] ?? Infinity) >= this.#deadlines.ms) {
      this.#abandon(route);
      route = undefined;
    }
    if (route === undefined) {
      route = new LimitRoute(routeName, limit);
      this.#routes.set(routeName, route);
    }
    const call = new LimitCall(name, request);
    this.#deadlines.add(call);
    route.add(keys, args, call);
    if (route.sentAt.length < RUNS_IN_FLIGHT) {
      this.#ready.add(route);
      this.#schedule();
    }
    return call.promise;
  }

  #schedule(): void {
    if (!this.#flushing) {
      this.#flushing = true;
      setImmediate(this.#flush);
    }
  }

  /** Sends what routes with room for a run have gathered this turn of the event loop. */
  readonly #flush = (): void => {
    this.#flushing = false;
    const ready = [...this.#ready];
    this.#ready.clear();
    for (const route of ready) {
      if (route.waiting === 0 || route.sentAt.length >= RUNS_IN_FLIGHT) continue;
      if (route.sentAt.length > 0 || route.waiting === 1) {
        this.#run(route, route.take(MAX_BATCH));
        continue;
      }
      // Nothing on its way: half goes now and half on the next turn, so that the two runs come back
      // apart and Redis decides one while this process handles the other's answers (calls arriving
      // together would otherwise stay one run, and each side would wait on the other).
      this.#run(route, route.take(Math.min(MAX_BATCH, Math.ceil(route.waiting / 2))));
      this.#ready.add(route);
      this.#schedule();
    }
  };

  /**
   * Redis has left this route unanswered for a whole timeout: the calls queued behind the lost run fail
   * now (their store's policy answers them) rather than go late, spending limits for callers who may be
   * gone.
   */
  #abandon(route: LimitRoute): void {
    this.#ready.delete(route);
    const error = new Error('the run ahead of this call got no answer');
    for (const group of route.drain()) for (const call of group.calls) this.#fail(call, error);
  }

  #run(route: LimitRoute, batch: LimitGroup[]): void {
    const sentAt = performance.now();
    route.sentAt.push(sentAt);
    let sent: Promise<unknown>;
    try {
      sent = this.#send(route.limit, ...runRequest(batch));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (reply) => {
        this.#deliver(route.limit, batch, reply);
        this.#settled(route, sentAt);
      },
      (error: unknown) => {
        for (const group of batch) for (const call of group.calls) this.#fail(call, error);
        this.#settled(route, sentAt);
      },
    );
  }

  #settled(route: LimitRoute, sentAt: number): void {
    route.sentAt.splice(route.sentAt.indexOf(sentAt), 1);
    if (route.waiting > 0) this.#run(route, route.take(MAX_BATCH));
    else if (route.sentAt.length === 0 && this.#routes.get(route.name) === route) {
      this.#routes.delete(route.name);
    }
  }

  #deliver(limit: LimitScript, batch: readonly LimitGroup[], reply: unknown): void {
    if (batch.length === 1) {
      this.#answer(limit, batch[0] as LimitGroup, reply);
    } else if (!Array.isArray(reply) || reply.length !== batch.length) {
      const error = unexpectedReply(reply);
      for (const group of batch) for (const call of group.calls) this.#fail(call, error);
    } else {
      for (let i = 0; i < batch.length; i++) this.#answer(limit, batch[i] as LimitGroup, reply[i]);
    }
  }

  /** Gives each call of `group` its decision out of the group's `reply` (an error fails them all). */
  #answer(limit: LimitScript, group: LimitGroup, reply: unknown): void {
    let replies: unknown[];
    try {
      if (reply instanceof Error) throw reply;
      replies = limit.split(reply, group.calls.length);
    } catch (error) {
      for (const call of group.calls) this.#fail(call, error);
      return;
    }
    for (let i = 0; i < group.calls.length; i++) {
      const call = group.calls[i] as LimitCall;
      this.#deadlines.remove(call);
      let decision: RateLimitDecision;
      try {
        decision = limit.decision(replies[i], call.request);
      } catch (error) {
        this.#fail(call, error);
        continue;
      }
      call.decide(decision);
    }
  }

  #fail(call: LimitCall, cause: unknown): void {
    this.#deadlines.remove(call);
    call.settle(() => this.#onFailure(cause, call.name, call.request));
  }
}
