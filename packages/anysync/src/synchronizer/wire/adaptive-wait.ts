/**
 * Waiting that adapts to the machine's load. Each side of a blocking call polls shared memory before it
 * parks on a futex only as long as parking would cost: the wake-up latency it has observed. That is the
 * ski-rental rule (rent, poll, for as long as buying, parking, would cost), which never costs more than
 * twice the better choice made in hindsight.
 *
 * On a quiet virtual machine a futex wake-up costs tens of microseconds (an idle CPU must be woken), so
 * both sides poll and a burst of small calls never sleeps. On a busy machine the CPUs are awake and a
 * wake-up costs a few microseconds, so the budget shrinks to that and the sides park almost at once:
 * polling there only takes CPU time from the other side, which then replies later.
 *
 * Where wake-ups are that slow, the worker's polls may also run on to a little past when the caller
 * usually answers (learned from the same stamps), up to the `poll` limit. After a long call its caller
 * takes a slow wake-up of its own before it sends the next request, longer than the worker's ski-rental
 * budget, so the worker would park just before the request came and need waking too. The caller's polls
 * stay within the ski-rental budget: it waits for the worker's work, which a polling caller slows.
 *
 * The latency is measured, not guessed: a side that parks asks for a stamp (it zeroes its stamp slot),
 * whoever wakes it then stamps the shared clock (both threads read the same monotonic clock,
 * `performance.timeOrigin + performance.now()`) just before its notify, and the woken side subtracts. A
 * poll that finds it lost the CPU meanwhile (a gap in its own clock readings) also says the machine is
 * busy.
 *
 * Reading the clock costs more than the rest of a wait's bookkeeping (Node's `performance.now` checks its
 * receiver and allocates its result), so it is read only where needed: the `performance` object and its
 * `timeOrigin` are looked up once, a stamp is written only when asked for, a side that does not poll asks
 * for none, one backing off (parking at once, as on a busy machine) asks only every eighth wait, only the
 * worker notes when a wait began and only while wake-ups are slow (the answer time is of no use else), and
 * a poll answered within its first few loads reads no clock at all. Where the two threads share a CPU, a
 * call's clock readings are time the other side waits for.
 */

/** Float64 slots over the control block's last 16 bytes: when each side last woke the other, in µs. */
export const Stamp = { toWorker: 14, toCaller: 15 } as const;

/** A stamp slot's value while its side waits for a stamp: no clock reads 0. */
const ASKED = 0;

const perf = globalThis.performance;
/** Milliseconds since this thread's time origin. */
export const now: () => number = perf.now.bind(perf);
const originUs = perf.timeOrigin * 1000;

/** Microseconds on a clock both threads share: now, or at the time `at` read from `now()`. */
export function clock(at = now()): number {
  return originUs + at * 1000;
}

/** The control block's wake stamps, as a view each side builds once. */
export function wakeStamps(control: Int32Array): Float64Array {
  return new Float64Array(control.buffer, control.byteOffset, control.byteLength >> 3);
}

/**
 * Records that this side is about to wake the other through `slot` (call right before the notify), if the
 * other side asked for it (see `AdaptiveWait.park`); `at` (from `now()`) when the waker has just read the
 * time anyway. Races with the request are harmless: a stamp missed or not asked for only changes what is
 * learned.
 */
export function stampWake(stamps: Float64Array, slot: number, at?: number): void {
  if (stamps[slot] === ASKED) stamps[slot] = clock(at);
}

/** A gap this long between two clock readings of a poll means the poller lost its CPU. */
const PREEMPTED_US = 200;
/** Every this many waits, park without polling: a fresh measure of the wake-up cost. */
const PROBE_EVERY = 256;
/** While backing off, every this many waits measures its wake-up (a probe always does). */
const SAMPLE_EVERY = 8;
/** Weight of a new wake-up measure in the running estimate. */
const WEIGHT = 0.25;
/** Most waits that park at once after polls came back empty or were preempted. */
const MAX_BACKOFF = 63;
/** Loads a poll makes before it first reads the clock: most replies in a burst come within them. */
const FIRST_LOADS = 16;
/**
 * A wake-up this slow means the CPUs sit idle between wake-ups: polling there takes time from no one, and
 * may reach past the wake-up cost to when the other side usually answers.
 */
const IDLE_WAKE_US = 20;
/** How far past the usual answer time such a poll reaches. */
const GAP_REACH = 1.5;

/**
 * One side's waits on one word: how long to poll, learned from the wake-ups it has seen. `stamps[slot]`
 * is where the other side stamps the moment it wakes this one.
 */
export class AdaptiveWait {
  /** Running estimate of a wake-up's latency in µs; 0 until one was seen. */
  #wake = 0;
  /** The same from measured wake-ups only (a preempted poll lowers `#wake` without one); 0 until seen. */
  #measuredWake = 0;
  /**
   * Running estimate of how long after a wait starts the other side answers, in µs; 0 until seen, and
   * always for a wait that does not reach past it.
   */
  #gap = 0;
  /** When the current wait started, on the shared clock; 0 until a poll or a park reads it. */
  #started = 0;
  #waits = 0;
  #skip = 0;
  #backoff = 0;
  /** Whether the last poll had a budget to spend: only then is the wake-up that follows worth measuring. */
  #measure = false;

  /**
   * `reachesAnswer`: where wake-ups are slow, polls may run on to past when the other side usually answers
   * (see `reach`). For the worker only: the caller waits for the worker's work, and polling through it
   * would take a CPU from what the worker runs (V8's garbage collection and compiler threads need one).
   */
  constructor(
    private readonly stamps: Float64Array,
    private readonly slot: number,
    private readonly reachesAnswer = false,
  ) {}

  /** The estimate, for tests and diagnostics. */
  get wakeCost(): number {
    return this.#wake;
  }

  /**
   * Whether waking this side is known to be quick (busy CPUs), from wake-ups it measured. Only then is it
   * not worth waking early: with the machine busy the two threads often share one CPU, and an early wake-up
   * would only switch to a side that cannot go on yet, and back.
   */
  get wakesQuickly(): boolean {
    return this.#measuredWake > 0 && this.#measuredWake < IDLE_WAKE_US;
  }

  /** The answer-time estimate, for tests and diagnostics. */
  get answerTime(): number {
    return this.#gap;
  }

  /**
   * Polls `control[index]` while it holds `value`, for at most `limit` µs and no longer than a wake-up
   * costs; true once it changed. False means: park now (with `park`). With no budget it does not look at
   * the word at all: the caller looks right before it parks anyway.
   */
  poll(control: Int32Array, index: number, value: number, limit: number): boolean {
    this.#started = 0;
    const budget = this.#budget(limit);
    // A wait that does not poll (backing off) measures its wake-up only now and then: measuring reads the
    // clock on both sides, which costs more than the rest of a wait where wake-ups are quick.
    this.#measure = limit > 0 && (budget > 0 || this.#waits % SAMPLE_EVERY === 0);
    if (budget <= 0) return false;
    for (let i = 0; i < FIRST_LOADS; i++) if (Atomics.load(control, index) !== value) return this.#success(0);
    const start = now();
    this.#started = clock(start);
    const until = start + budget / 1000;
    let last = start;
    do {
      // The clock is read once per 64 loads: reading it costs more than a load.
      for (let i = 0; i < 64; i++)
        if (Atomics.load(control, index) !== value) return this.#success((last - start) * 1000);
      const current = now();
      if ((current - last) * 1000 > PREEMPTED_US) return this.#preempted();
      last = current;
    } while (last < until);
    return this.#empty();
  }

  /**
   * Parks on `control[index]` while it holds `value`, for at most `timeout` ms (`Atomics.wait`'s result).
   * When polling is on, it asks for a stamp first and learns the wake-up's latency from it when a notify
   * ended the park.
   */
  park(control: Int32Array, index: number, value: number, timeout: number): string {
    if (this.#measure) {
      this.stamps[this.slot] = ASKED;
      if (this.#started === 0 && this.#learnsAnswer) this.#started = clock();
    }
    const result = Atomics.wait(control, index, value, timeout);
    if (result === 'ok' && this.#measure) this.woke();
    return result;
  }

  /**
   * A notify ended a park that asked for a stamp: the notifier stamped (see `stampWake`) before it
   * notified, so the stamp tells when the wake-up was sent, and when the other side answered. No stamp,
   * nothing learned. `at`: when it woke, on the shared clock (tests pass it, so what is learned does not
   * depend on how the test thread was scheduled).
   */
  woke(at = clock()): void {
    const stamp = this.stamps[this.slot] ?? ASKED;
    if (stamp === ASKED) return;
    const latency = at - stamp;
    if (latency < 0 || latency > 1e6) return;
    // The answer time first: whether it is worth learning depends on the wake-ups seen before this one.
    if (this.#started > 0 && stamp >= this.#started) this.#answered(stamp - this.#started);
    this.#wake = blend(this.#wake, latency);
    this.#measuredWake = blend(this.#measuredWake, latency);
  }

  /** The poll's budget: none while backing off or probing, else `reach`. */
  #budget(limit: number): number {
    if (limit <= 0) return 0;
    this.#waits++;
    if (this.#skip > 0) {
      this.#skip--;
      return 0;
    }
    if (this.#waits % PROBE_EVERY === 0) return 0;
    return this.reach(limit);
  }

  /**
   * Microseconds a poll with `limit` may last: as long as a wake-up costs (the ski-rental rule). When
   * wake-ups are slow enough to mean idle CPUs, a little past when the other side usually answers: a worker
   * lingering after a long call then catches the caller's next request while the caller is still waking
   * up, rather than parking and needing a second wake-up of its own.
   */
  reach(limit: number): number {
    if (this.#wake === 0) return limit;
    const wanted =
      this.reachesAnswer && this.#wake >= IDLE_WAKE_US
        ? Math.max(this.#wake, this.#gap * GAP_REACH)
        : this.#wake;
    return Math.min(limit, wanted);
  }

  /** Whether the answer time is worth learning: only a poll that may reach past it (see `reach`) uses it. */
  get #learnsAnswer(): boolean {
    return this.reachesAnswer && (this.#wake === 0 || this.#wake >= IDLE_WAKE_US);
  }

  /** Only a wait that reaches past the answer time (see `reach`) needs to know it. */
  #answered(gap: number): void {
    if (this.#learnsAnswer && gap <= 1e6) this.#gap = blend(this.#gap, gap);
  }

  #success(gap: number): true {
    this.#answered(gap);
    this.#backoff = 0;
    return true;
  }

  #empty(): false {
    this.#backoff = Math.min(this.#backoff * 2 + 1, MAX_BACKOFF);
    this.#skip = this.#backoff;
    return false;
  }

  /** Lost the CPU while polling: the machine is busy, parking is cheap there, and polling in the way. */
  #preempted(): false {
    this.#wake = Math.min(this.#wake || PREEMPTED_US, 1);
    return this.#empty();
  }
}

/** A running estimate moved towards a new measure; the first measure (`estimate` 0) is taken as it is. */
function blend(estimate: number, measure: number): number {
  return estimate === 0 ? measure : estimate + WEIGHT * (measure - estimate);
}
