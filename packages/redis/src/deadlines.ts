/** An entry of a {@link Deadlines} list: something waiting for an answer until `deadline`. */
export interface Deadline {
  deadline: number;
  prev: Deadline | undefined;
  next: Deadline | undefined;
}

/** A call of {@link Deadlines.within}: its promise's rejection. */
interface Pending extends Deadline {
  readonly reject: (error: Error) => void;
}

/** The error of a call that got no answer in time. */
export class Timeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * The timeouts of a store's calls: every call has the same timeout, so deadlines come in the order calls
 * start, and one timer (set for the oldest call) serves them all instead of a timer per call. The timer is
 * unref'd: a timeout never keeps a process alive. Entries are linked in place (no allocation of the
 * list's own); `expire` is told of each entry whose deadline passes, once, after it left the list.
 */
export class Deadlines<Entry extends Deadline = Deadline> {
  #head: Entry | undefined;
  #tail: Entry | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #expire: (entry: Entry, error: Timeout) => void;

  constructor(
    readonly ms: number,
    expire: (entry: Entry, error: Timeout) => void = (entry, error) =>
      (entry as unknown as Pending).reject(error),
  ) {
    this.#expire = expire;
  }

  /** `promise`, or a rejection with a `Timeout` once `ms` have passed without an answer. */
  within<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { deadline: 0, reject, prev: undefined, next: undefined };
      this.add(pending as unknown as Entry);
      promise.then(
        (value) => {
          this.remove(pending as unknown as Entry);
          resolve(value);
        },
        (error: unknown) => {
          this.remove(pending as unknown as Entry);
          reject(error);
        },
      );
    });
  }

  /** Starts `entry`'s clock: it expires `ms` from now unless removed first. */
  add(entry: Entry): void {
    entry.deadline = performance.now() + this.ms;
    entry.prev = this.#tail;
    entry.next = undefined;
    if (this.#tail === undefined) this.#head = entry;
    else this.#tail.next = entry;
    this.#tail = entry;
    if (this.#timer === undefined) this.#arm(this.ms);
  }

  /** Takes `entry` off the list (nothing if it is not on it). */
  remove(entry: Entry): void {
    const { prev, next } = entry;
    if (prev === undefined) {
      if (this.#head !== entry) return; // not on the list
      this.#head = next as Entry | undefined;
    } else prev.next = next;
    if (next === undefined) this.#tail = prev as Entry | undefined;
    else next.prev = prev;
    entry.prev = undefined;
    entry.next = undefined;
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(this.#fire, Math.max(0, delay));
    this.#timer.unref?.();
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    const now = performance.now();
    for (let entry = this.#head; entry !== undefined && entry.deadline <= now; entry = this.#head) {
      this.remove(entry);
      this.#expire(entry, new Timeout(this.ms));
    }
    if (this.#head !== undefined) this.#arm(this.#head.deadline - now);
  };
}
