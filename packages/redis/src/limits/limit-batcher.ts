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

interface Waiter {
  resolve(reply: unknown): void;
  reject(error: unknown): void;
}

/** Waiting calls with the same keys and arguments: decided one after the other by one group of a run. */
interface Group {
  readonly keys: readonly string[];
  readonly args: readonly string[];
  waiters: Waiter[];
  /** Another waiting group on the same first key (other arguments: weight, peek), or none. */
  other: Group | undefined;
}

/** Where runs go one at a time: a script and, on a cluster, one first key. */
interface Route {
  readonly name: string;
  readonly limit: LimitScript;
  /** The groups waiting for the run on its way, in arrival order, and by first key. */
  groups: Group[];
  byKey: Map<string, Group>;
  waiting: number;
  /** When its run was sent (performance.now()). */
  sentAt: number;
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
 * The concurrent calls of one process on its limits, sent as few script runs. A call goes at once when
 * no run of its route is on its way; calls that arrive meanwhile wait for it and then go together, each
 * group of calls on one limit decided by the script one after the other in arrival order, exactly as if
 * each had been sent alone. Busy limits then cost one round trip and one script run per batch instead of
 * per call, and a lone call waits for nothing. A route is one algorithm when `crossSlot` says that one
 * server holds every key (any limits may share a run), else one limit's first key (a cluster routes a
 * run by it). A run without an answer for `staleMs` no longer gathers calls: the next one starts a route
 * of its own, so a lost reply never holds later calls.
 */
export class LimitBatcher {
  readonly #routes = new Map<string, Route>();
  readonly #send: SendLimitCall;
  readonly #staleMs: number;
  readonly #crossSlot: boolean;

  constructor(send: SendLimitCall, staleMs: number, crossSlot = false) {
    this.#send = send;
    this.#staleMs = staleMs;
    this.#crossSlot = crossSlot;
  }

  /** Resolves to this call's own reply, in the shape `limit.decision()` takes. */
  call(limit: LimitScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const first = keys[0] ?? '';
    // A key always holds a '{' (its hash tag) and a kind never does: the two kinds of names cannot meet.
    const name = this.#crossSlot ? limit.kind : first;
    const route = this.#routes.get(name);
    if (route !== undefined && performance.now() - route.sentAt < this.#staleMs) {
      return new Promise((resolve, reject) => this.#enqueue(route, keys, args, { resolve, reject }));
    }
    if (route !== undefined) this.#abandon(route);
    const fresh: Route = { name, limit, groups: [], byKey: new Map(), waiting: 0, sentAt: 0 };
    this.#routes.set(name, fresh);
    return new Promise((resolve, reject) =>
      this.#run(fresh, [{ keys, args, waiters: [{ resolve, reject }], other: undefined }]),
    );
  }

  #enqueue(route: Route, keys: readonly string[], args: readonly string[], waiter: Waiter): void {
    const first = keys[0] ?? '';
    const head = route.byKey.get(first);
    let group = head;
    while (group !== undefined && !(same(group.args, args) && same(group.keys, keys))) group = group.other;
    if (group === undefined) {
      group = { keys, args, waiters: [], other: head };
      route.byKey.set(first, group);
      route.groups.push(group);
    }
    group.waiters.push(waiter);
    route.waiting++;
  }

  /**
   * Redis has left this route unanswered for a whole timeout: the calls queued behind the lost run fail
   * now (their store's policy answers them) rather than go late, spending limits for callers who may be
   * gone.
   */
  #abandon(route: Route): void {
    const abandoned = route.groups;
    route.groups = [];
    route.byKey.clear();
    route.waiting = 0;
    const error = new Error('the run ahead of this call got no answer');
    for (const group of abandoned) for (const waiter of group.waiters) waiter.reject(error);
  }

  /** The next batch of a route's waiting groups, at most `MAX_BATCH` calls, the first ones first. */
  #take(route: Route): Group[] {
    if (route.waiting <= MAX_BATCH) {
      const batch = route.groups;
      route.groups = [];
      route.byKey.clear();
      route.waiting = 0;
      return batch;
    }
    const batch: Group[] = [];
    let room = MAX_BATCH;
    while (room > 0) {
      const group = route.groups[0] as Group;
      if (group.waiters.length <= room) {
        batch.push(route.groups.shift() as Group);
        room -= group.waiters.length;
      } else {
        batch.push({ ...group, waiters: group.waiters.slice(0, room), other: undefined });
        group.waiters = group.waiters.slice(room);
        room = 0;
      }
    }
    route.waiting -= MAX_BATCH;
    route.byKey.clear();
    for (const group of route.groups) {
      group.other = route.byKey.get(group.keys[0] ?? '');
      route.byKey.set(group.keys[0] ?? '', group);
    }
    return batch;
  }

  #run(route: Route, batch: Group[]): void {
    const settled = (): void => {
      if (route.waiting > 0) this.#run(route, this.#take(route));
      else if (this.#routes.get(route.name) === route) this.#routes.delete(route.name);
    };
    let sent: Promise<unknown>;
    route.sentAt = performance.now();
    try {
      sent = this.#send(route.limit, ...this.#request(batch));
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (reply) => {
        if (batch.length === 1) deliver(route.limit, batch[0] as Group, reply);
        else if (!Array.isArray(reply) || reply.length !== batch.length) {
          const error = unexpectedReply(reply);
          for (const group of batch) for (const waiter of group.waiters) waiter.reject(error);
        } else for (const [i, group] of batch.entries()) deliver(route.limit, group, reply[i]);
        settled();
      },
      (error: unknown) => {
        for (const group of batch) for (const waiter of group.waiters) waiter.reject(error);
        settled();
      },
    );
  }

  #request(batch: readonly Group[]): [keys: readonly string[], args: readonly string[]] {
    if (batch.length === 1) {
      const { keys, args, waiters } = batch[0] as Group;
      return [keys, [...args, String(waiters.length)]];
    }
    const keys: string[] = [];
    const args: string[] = [];
    for (const group of batch) {
      keys.push(...group.keys);
      args.push(...group.args, String(group.waiters.length));
    }
    return [keys, args];
  }
}

/** Gives each waiter of `group` its own reply out of the group's `reply` (an error fails them all). */
function deliver(limit: LimitScript, group: Group, reply: unknown): void {
  let replies: unknown[];
  try {
    if (reply instanceof Error) throw reply;
    replies = limit.split(reply, group.waiters.length);
  } catch (error) {
    for (const waiter of group.waiters) waiter.reject(error);
    return;
  }
  for (const [i, waiter] of group.waiters.entries()) waiter.resolve(replies[i]);
}
