import { setImmediate } from '../backends/immediate.js';
import type { SyncCallMessage } from '../protocol.js';
import { Control, Lane, Op, Presence, Status } from '../protocol.js';
import { AreaReader, writeValues } from '../wire/area-codec.js';
import { AdaptiveWait, clock, Stamp } from '../wire/adaptive-wait.js';
import { lockRequests, unlockRequests } from '../wire/request-lock.js';
import type { SharedArea } from '../wire/shared-area.js';
import type { Outcome, Request } from './operations.js';
import type { ReplyPort } from './reply-port.js';
import type { Server } from './server.js';

/** After this long without returning to the event loop, the worker yields once before lingering again. */
const YIELD_AFTER_MS = 10;

/**
 * Serves blocking calls. Requests are read from the shared request area and replies written to the reply
 * area, so a call costs no message at all while calls come in a burst: after each reply the worker lingers
 * a short while parked on the request word, and the caller wakes it with a futex notify. Only when the
 * worker has gone back to its event loop does the caller need to post a wake-up message.
 *
 * Lingering blocks the worker's event loop for at most `linger` ms after a reply, and the worker yields to
 * its loop at least every few milliseconds during a long burst, so timers and sockets keep running.
 */
export class SyncLane {
  readonly #control: Int32Array;
  readonly #reader: AreaReader;
  #taken = 0;
  /** The newest request replied to; behind `#taken` while one is in flight. */
  #replied = 0;
  /** Counts batches pulled ahead, so a stale check of an earlier one does nothing. */
  #round = 0;
  #sliceStart = 0;
  /** The doorbell as it stood when the worker announced it lingers; a change means something arrived. */
  #rung = 0;
  readonly #waits = new AdaptiveWait();

  constructor(
    private readonly server: Server,
    private readonly replies: ReplyPort,
    requests: SharedArea,
    private readonly replyArea: SharedArea,
    private readonly linger: number,
  ) {
    this.#control = replies.control;
    this.#reader = new AreaReader(requests);
  }

  /** A wake-up message: the caller wrote a request while the worker was not lingering. */
  wake(): void {
    this.#sliceStart = performance.now();
    this.#pump();
  }

  /** A blocking call that came by message (it carried transfers or did not fit the shared area). */
  receive(message: SyncCallMessage): void {
    if (message.seq < Atomics.load(this.#control, Control.requestSeq)) return;
    this.#taken = message.seq;
    this.#serve(message.seq, message, message.marked, false);
  }

  #pump(): void {
    for (;;) {
      const request = this.#take();
      if (!request) return;
      if (!this.#serve(this.#taken, request, request.marked, true)) return;
      if (!this.#lingerForNext()) return;
    }
  }

  /** Runs a request; true when it replied at once and now lingers for the caller's next one. */
  #serve(seq: number, request: Request, marked: boolean, mayLinger: boolean): boolean {
    // A caller without a deadline is certain to read the reply, so shapes it was sent before are left out.
    const compact = !request.cancellable;
    const outcome = this.server.run(request, marked, -seq, (settled) => {
      if (this.#finish(seq, request, settled, mayLinger, compact) && this.#lingerForNext()) this.#pump();
    });
    return outcome !== undefined && this.#finish(seq, request, outcome, mayLinger, compact);
  }

  /**
   * Replies; true when the worker now lingers for the caller's next call. A pull whose caller asked for the
   * next batch ahead lingers only once that batch is in hand (`#resume`): pulling it needs the thread.
   * Meanwhile presence says `pulling`, so the caller's next request costs no wake-up message: the worker
   * looks at the request word when the batch is in hand, or at its next turn of the event loop.
   */
  #finish(seq: number, request: Request, outcome: Outcome, mayLinger: boolean, compact: boolean): boolean {
    const ahead = outcome.status === Status.batch && request.op === Op.pull && Number(request.args[1]) > 0;
    const linger = this.#mayLinger(mayLinger);
    const presence = !linger ? Presence.away : ahead ? Presence.pulling : Presence.lingering;
    if (!this.#reply(seq, outcome, presence, compact)) return false;
    if (!ahead) return linger;
    const pulling = this.server.pullAhead(request, this.#asked);
    if (!pulling) {
      // Pulled at once (a sync iterator): linger as after any reply.
      if (!linger) return false;
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
   * loop): serve the call that came meanwhile, or linger for it.
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
      this.#announce();
      if (!this.#lingerForNext()) return;
    }
    this.#pump();
  }

  /**
   * Lingering pays off only in a burst, and a long burst must still let the worker's event loop run: past
   * a few milliseconds of serving the worker yields once through `setImmediate`.
   */
  #mayLinger(wanted: boolean): boolean {
    if (!wanted || this.linger <= 0) return false;
    if (performance.now() - this.#sliceStart <= YIELD_AFTER_MS) return true;
    setImmediate(() => this.wake());
    return false;
  }

  #take(): (Request & { marked: boolean }) | undefined {
    const control = this.#control;
    if (Atomics.load(control, Control.requestSeq) === this.#taken) return undefined;
    lockRequests(control);
    try {
      const seq = Atomics.load(control, Control.requestSeq);
      if (seq === this.#taken || control[Control.requestLane] === Lane.message) return undefined;
      const args = this.#reader.readAll(control[Control.requestCount] ?? 0);
      const releases = control[Control.requestReleases] ?? 0;
      // Disposals made since the last call: applied first, they can only concern handles the caller dropped.
      if (releases > 0)
        this.server.release({ kind: 'release', refs: args.splice(args.length - releases) as number[] });
      this.#taken = seq;
      Atomics.store(control, Control.presence, Presence.away);
      return {
        op: control[Control.requestOp] as Request['op'],
        target: control[Control.requestTarget] ?? 0,
        name: control[Control.requestName] ?? -1,
        args,
        marked: this.#reader.marked,
        cancellable: control[Control.requestCancellable] === 1,
      };
    } finally {
      unlockRequests(control);
    }
  }

  /** Writes the reply unless a newer request superseded this one (its caller timed out and moved on). */
  #reply(seq: number, outcome: Outcome, presence: number, compact: boolean): boolean {
    const control = this.#control;
    if (seq !== Atomics.load(control, Control.requestSeq)) return false;
    let exported = this.server.export(outcome, compact);
    this.server.flushOutput();
    let lane: number = Lane.shared;
    let length: number;
    try {
      length =
        exported.transfer.length > 0 ? -1 : writeValues(this.replyArea, exported.values, exported.marked);
    } catch (error) {
      exported = this.server.export({ status: Status.error, values: [error] });
      length = writeValues(this.replyArea, exported.values, false);
    }
    if (length < 0) {
      lane = Lane.message;
      const { status, values, marked, transfer } = exported;
      this.replies.post({ kind: 'reply', seq, status, values, marked }, transfer, false);
    }
    control[Control.replyStatus] = exported.status;
    control[Control.replyCount] = exported.values.length;
    control[Control.replyLane] = lane;
    // Announced before the caller wakes, so its next request already finds the worker lingering (or pulling).
    if (presence === Presence.lingering) this.#announce();
    else if (presence === Presence.pulling) Atomics.store(control, Control.presence, Presence.pulling);
    this.#replied = seq;
    Atomics.store(control, Control.replySeq, seq);
    this.replies.wake();
    return true;
  }

  /** Tells the caller to ring the doorbell rather than post a wake-up: the worker is about to linger. */
  #announce(): void {
    this.#rung = Atomics.load(this.#control, Control.doorbell);
    Atomics.store(this.#control, Control.presence, Presence.lingering);
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
    if (Atomics.load(control, Control.requestSeq) === this.#taken) {
      const poll = Math.min(Atomics.load(control, Control.poll), this.linger * 1000);
      if (!this.#waits.poll(control, Control.doorbell, rung, poll)) {
        const parkedAt = clock();
        if (Atomics.wait(control, Control.doorbell, rung, this.linger) === 'ok') {
          this.#waits.woke(control, Stamp.toWorker, parkedAt);
        }
      }
    }
    // Announce leaving before the last look, so a request written meanwhile is either seen here or woken by message.
    Atomics.store(control, Control.presence, Presence.away);
    return Atomics.load(control, Control.requestSeq) !== this.#taken;
  }
}
