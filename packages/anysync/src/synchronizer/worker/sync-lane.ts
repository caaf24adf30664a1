import { setImmediate } from '../backends/immediate.js';
import type { TransferListItem } from 'node:worker_threads';
import type { SyncCallMessage } from '../protocol.js';
import { Control, Lane, Op, Presence, Status } from '../protocol.js';
import { AreaReader, writeValues } from '../wire/area-codec.js';
import { AdaptiveWait, now, Stamp } from '../wire/adaptive-wait.js';
import type { SharedArea } from '../wire/shared-area.js';
import type { Outcome, Request } from './operations.js';
import type { ReplyPort } from './reply-port.js';
import type { Server } from './server.js';

/** A burst of calls lets the worker's event loop take a turn at least this often. */
const SLICE_MS = 10;
/**
 * After a call this long (from the reply before it to its own), the worker takes a turn of its event loop
 * before it lingers for the next. Its caller is still waking from its own long park meanwhile, so the turn
 * costs the caller nothing, and the worker's timers, I/O and V8's own pending tasks (incremental garbage
 * collection steps) run between calls rather than inside the next one.
 */
const LONG_CALL_MS = 1;
const NO_TRANSFER: readonly TransferListItem[] = [];
/** What `#reply` returns when a newer request superseded the call: nothing was written. */
const SUPERSEDED = -1;

/** A blocking request being served, with what serving it needs to know. */
interface BlockingCall extends Request {
  seq: number;
  marked: boolean;
  /** It came through shared memory, so the worker may linger for the next one after replying. */
  mayLinger: boolean;
}

/**
 * Serves blocking calls. Requests are read from the shared request area and replies written to the reply
 * area, so a call costs no message at all while calls come in a burst: after each reply the worker lingers
 * a short while parked on the request word, and the caller wakes it with a futex notify. Only when the
 * worker has gone back to its event loop does the caller need to post a wake-up message.
 *
 * Lingering blocks the worker's event loop for at most `linger` ms after a reply, and the worker takes a
 * turn of its loop after every call longer than a millisecond and every 10 ms during a burst, so timers and
 * sockets keep running.
 */
export class SyncLane {
  readonly #control: Int32Array;
  readonly #reader: AreaReader;
  #taken = 0;
  /** The newest request replied to; behind `#taken` while one is in flight. */
  #replied = 0;
  /** Counts batches pulled ahead, so a stale check of an earlier one does nothing. */
  #round = 0;
  /** The round of the last turn taken (`#takeTurn`); equal to `#round` while that turn is pending. */
  #turnRound = -1;
  #sliceStart = 0;
  /** When the worker last replied (`now()`), to tell a long call from one of a burst. */
  #lastReply = 0;
  /** The doorbell as it stood when the worker announced it lingers; a change means something arrived. */
  #rung = 0;
  readonly #waits: AdaptiveWait;
  /** Microseconds to poll for the next call before parking: the caller's `poll`, within the linger. */
  readonly #pollLimit: number;

  constructor(
    private readonly server: Server,
    private readonly replies: ReplyPort,
    requests: SharedArea,
    private readonly replyArea: SharedArea,
    private readonly linger: number,
  ) {
    this.#control = replies.control;
    this.#reader = new AreaReader(requests);
    this.#waits = new AdaptiveWait(replies.stamps, Stamp.toWorker, true);
    // The caller sets its poll before it starts the worker, and never changes it.
    this.#pollLimit = Math.min(Atomics.load(this.#control, Control.poll), linger * 1000);
  }

  /**
   * A wake-up message: the caller wrote a request while the worker was not lingering. One that finds a turn
   * of the event loop pending (a stale message, whose request the worker found by itself, handled before
   * the turn's immediates) is left to the turn: serving now would serve the next request before the turn
   * the previous call was promised.
   */
  wake(): void {
    if (this.#turnRound === this.#round) return;
    this.#sliceStart = now();
    this.#pump();
  }

  /** A blocking call that came by message (it carried transfers or did not fit the shared area). */
  receive(message: SyncCallMessage): void {
    if (message.seq < Atomics.load(this.#control, Control.requestSeq)) return;
    this.#taken = message.seq;
    const { seq, op, target, name, args, marked, cancellable } = message;
    this.#serve({ seq, op, target, name, args, marked, cancellable, mayLinger: false });
  }

  #pump(): void {
    // After lingering, the request it found is known to be there.
    for (let found = false; ; found = true) {
      const call = this.#take(found);
      if (!call) return;
      if (!this.#serve(call)) return;
      if (!this.#lingerForNext()) return;
    }
  }

  /** Runs a request; true when it replied at once and now lingers for the caller's next one. */
  #serve(call: BlockingCall): boolean {
    const outcome = this.server.run(call, call.marked, -call.seq, this.#settled);
    return outcome !== undefined && this.#finish(call, outcome);
  }

  /** A call that settled later (its function returned a promise) replies, then lingers for the next. */
  readonly #settled = (outcome: Outcome, call: BlockingCall): void => {
    if (this.#finish(call, outcome) && this.#lingerForNext()) this.#pump();
  };

  /**
   * Replies; true when the worker now lingers for the caller's next call. A pull whose caller asked for the
   * next batch ahead lingers only once that batch is in hand (`#resume`): pulling it needs the thread.
   * Meanwhile presence says `pulling`, so the caller's next request costs no wake-up message: the worker
   * looks at the request word when the batch is in hand, or at its next turn of the event loop.
   */
  #finish(call: BlockingCall, outcome: Outcome): boolean {
    const { mayLinger } = call;
    const ahead = outcome.status === Status.batch && call.op === Op.pull && Number(call.args[1]) > 0;
    const presence = this.#reply(call, outcome, ahead);
    if (presence === SUPERSEDED) return false;
    if (!ahead) return presence === Presence.lingering;
    const linger = presence !== Presence.away;
    const pulling = this.server.pullAhead(call, this.#asked);
    if (!pulling) {
      // Pulled at once (a sync iterator): linger as after any reply, or take a turn first (presence still says
      // pulling, from the reply).
      if (!linger) return false;
      if (this.#overdue()) {
        this.#takeTurn();
        return false;
      }
      this.#announce();
      return true;
    }
    const round = ++this.#round;
    const resume = () => this.#resume(round, mayLinger);
    pulling.then(resume, resume);
    // A batch still pulling at the next turn of the event loop waits for something; calls are served meanwhile.
    if (linger) setImmediate(() => this.#resume(round, mayLinger, true));
    return false;
  }

  /** True once the caller has written a request the worker has not taken yet. */
  readonly #asked = (): boolean => Atomics.load(this.#control, Control.requestSeq) !== this.#taken;

  /**
   * The batch pulled ahead in `round` is in hand (or, `stalled`, still not at the next turn of the event
   * loop), or the turn taken in `round` is over: serve the call that came meanwhile, or linger for it.
   */
  #resume(round: number, mayLinger: boolean, stalled = false): void {
    if (round !== this.#round) return;
    this.#round++;
    const control = this.#control;
    if (Atomics.load(control, Control.presence) === Presence.pulling) {
      Atomics.store(control, Control.presence, Presence.away);
    }
    // A call in flight (most likely the pull waiting for this very batch) lingers after its own reply.
    if (this.#replied !== this.#taken) return;
    if (Atomics.load(control, Control.requestSeq) === this.#taken) {
      if (stalled || !this.#mayLinger(mayLinger)) return;
      if (this.#overdue()) {
        // A request written since the look above either saw `away` and came by message, or is seen after the turn.
        Atomics.store(control, Control.presence, Presence.pulling);
        this.#takeTurn();
        return;
      }
      this.#announce();
      if (!this.#lingerForNext()) return;
    }
    this.#pump();
  }

  /** Lingering pays off only in a burst of calls that came through shared memory. */
  #mayLinger(wanted: boolean): boolean {
    return wanted && this.linger > 0;
  }

  /** The worker has served for `SLICE_MS` without a turn of its event loop. */
  #overdue(at = now()): boolean {
    return at - this.#sliceStart > SLICE_MS;
  }

  /**
   * Takes one turn of the event loop, then serves the request that came meanwhile or lingers for it
   * (`#resume`). Presence must say `pulling` meanwhile, so the caller leaves its request in shared memory.
   */
  #takeTurn(): void {
    const round = ++this.#round;
    this.#turnRound = round;
    setImmediate(() => {
      this.#sliceStart = now();
      this.#resume(round, true);
    });
  }

  /**
   * Reads the caller's newest request from the request area, unless it was taken already or came by
   * message. `found`: lingering just saw it (and left presence away). No lock: the caller writes the area
   * only once its previous request was answered, so never while this thread reads it.
   */
  #take(found = false): BlockingCall | undefined {
    const control = this.#control;
    const seq = Atomics.load(control, Control.requestSeq);
    if (seq === this.#taken || control[Control.requestLane] === Lane.message) return undefined;
    const values = this.#reader.readAll(control[Control.requestCount] ?? 0);
    const releases = control[Control.requestReleases] ?? 0;
    // Disposals made since the last call: applied first, they can only concern handles the caller dropped.
    if (releases > 0)
      this.server.release({ kind: 'release', refs: values.splice(values.length - releases) as number[] });
    const args = control[Control.requestPacked] === 1 ? (values[0] as unknown[]) : values;
    this.#taken = seq;
    if (!found) Atomics.store(control, Control.presence, Presence.away);
    return {
      seq,
      op: control[Control.requestOp] as Request['op'],
      target: control[Control.requestTarget] ?? 0,
      name: control[Control.requestName] ?? -1,
      args,
      marked: this.#reader.marked,
      cancellable: control[Control.requestCancellable] === 1,
      mayLinger: true,
    };
  }

  /**
   * Writes the reply unless a newer request superseded this one (its caller timed out and moved on), and
   * returns the presence it announced with it (`SUPERSEDED` when it wrote nothing): lingering for the
   * caller's next call, or pulling the next batch `ahead`, or away.
   */
  #reply(call: BlockingCall, outcome: Outcome, ahead: boolean): number {
    const control = this.#control;
    const { seq } = call;
    // A plain read: a stale one costs only a reply nobody reads (the caller waits for a newer sequence).
    if (seq !== control[Control.requestSeq]) return SUPERSEDED;
    // A parked caller wakes while the reply is written, not after, unless waking it is quick anyway.
    if (Atomics.load(control, Control.wakeEarly) === 1) this.replies.wake();
    // Plain values (the common reply) cross as they are; anything else is exported first. A caller without
    // a deadline is certain to read the reply, so shapes it was sent before are left out (`compact`).
    let { status, values } = outcome;
    let marked = false;
    let transfer = NO_TRANSFER;
    let byMessage: boolean | undefined = false;
    if (!this.server.isPlain(outcome)) {
      ({ status, values, marked, transfer, byMessage } = this.server.export(outcome, !call.cancellable));
    }
    this.server.flushOutput();
    let lane: number = Lane.shared;
    let length: number;
    try {
      length = transfer.length > 0 || byMessage ? -1 : writeValues(this.replyArea, values, marked);
    } catch (error) {
      ({ status, values, marked, transfer } = this.server.export({ status: Status.error, values: [error] }));
      length = writeValues(this.replyArea, values, false);
    }
    if (length < 0) {
      lane = Lane.message;
      this.replies.post({ kind: 'reply', seq, status, values, marked }, transfer, false);
    }
    control[Control.replyStatus] = status;
    control[Control.replyCount] = values.length;
    control[Control.replyLane] = lane;
    // One clock reading serves both the linger decision and the wake-up stamp, taken once the reply is
    // written, right before the caller is woken.
    const at = now();
    const presence = this.#presenceAfter(call, ahead, at);
    // Announced before the caller wakes, so its next request already finds the worker lingering (or pulling):
    // the caller reads presence after the atomic read of `replySeq` below, which orders these plain writes.
    if (presence === Presence.lingering) this.#announce(false);
    else if (presence === Presence.pulling) control[Control.presence] = Presence.pulling;
    this.#replied = seq;
    Atomics.store(control, Control.replySeq, seq);
    this.replies.wake(at);
    return presence;
  }

  /**
   * What the worker does once it replied, announced with the reply: it lingers for the caller's next call,
   * or pulls the next batch `ahead`, or first takes a turn of its event loop (after a long call or burst),
   * or goes away. While it pulls or takes its turn, presence says `pulling`: it looks at the request word
   * afterwards, so the caller's next request needs no wake-up message.
   */
  #presenceAfter(call: BlockingCall, ahead: boolean, at: number): number {
    const long = at - this.#lastReply > LONG_CALL_MS;
    this.#lastReply = at;
    if (!this.#mayLinger(call.mayLinger)) return Presence.away;
    // A pull ahead takes its turns, if any, once the batch is in hand (`#finish`, `#resume`).
    if (ahead) return Presence.pulling;
    if (!long && !this.#overdue(at)) return Presence.lingering;
    this.#takeTurn();
    return Presence.pulling;
  }

  /**
   * Tells the caller to ring the doorbell rather than post a wake-up: the worker is about to linger. In a
   * reply (`atomic` false) plain writes do, ordered by the reply's own atomic store.
   */
  #announce(atomic = true): void {
    const control = this.#control;
    // Only the caller rings the doorbell; a stale reading would only end the linger early.
    this.#rung = control[Control.doorbell] ?? 0;
    if (atomic) Atomics.store(control, Control.presence, Presence.lingering);
    else control[Control.presence] = Presence.lingering;
  }

  /**
   * Waits on the doorbell (presence is already announced) for the next call of a burst: it polls first, for
   * `Control.poll` microseconds at most, then parks for the rest of the linger. Polling never keeps the
   * event loop waiting longer than parking would (both end within `linger`); it only costs CPU time, and
   * only tens of microseconds after each reply, and no longer than a wake-up costs (`AdaptiveWait`).
   */
  #lingerForNext(): boolean {
    const control = this.#control;
    const rung = this.#rung;
    // A plain first look: a request it misses has rung the doorbell, so the park returns at once.
    if (
      control[Control.requestSeq] === this.#taken &&
      !this.#waits.poll(control, Control.doorbell, rung, this.#pollLimit)
    ) {
      this.#waits.park(control, Control.doorbell, rung, this.linger);
    }
    // Announce leaving before the last look, so a request written meanwhile is either seen here or woken by message.
    Atomics.store(control, Control.presence, Presence.away);
    return Atomics.load(control, Control.requestSeq) !== this.#taken;
  }
}
