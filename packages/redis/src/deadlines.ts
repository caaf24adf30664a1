/** One call waiting for its answer, in a {@link Deadlines} list. */
interface Pending {
  readonly deadline: number;
  readonly reject: (error: Error) => void;
  prev: Pending | undefined;
  next: Pending | undefined;
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
 * unref'd: a timeout never keeps a process alive.
 */
export class Deadlines {
  #head: Pending | undefined;
  #tail: Pending | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly ms: number) {}

  /** `promise`, or a rejection with a `Timeout` once `ms` have passed without an answer. */
  within<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = {
        deadline: performance.now() + this.ms,
        reject,
        prev: this.#tail,
        next: undefined,
      };
      if (this.#tail === undefined) this.#head = pending;
      else this.#tail.next = pending;
      this.#tail = pending;
      if (this.#timer === undefined) this.#arm(this.ms);
      promise.then(
        (value) => {
          this.#unlink(pending);
          resolve(value);
        },
        (error: unknown) => {
          this.#unlink(pending);
          reject(error);
        },
      );
    });
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(this.#fire, Math.max(0, delay));
    this.#timer.unref?.();
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    const now = performance.now();
    for (let pending = this.#head; pending !== undefined && pending.deadline <= now; pending = this.#head) {
      this.#unlink(pending);
      pending.reject(new Timeout(this.ms));
    }
    if (this.#head !== undefined) this.#arm(this.#head.deadline - now);
  };

  #unlink(pending: Pending): void {
    const { prev, next } = pending;
    if (prev === undefined) {
      if (this.#head !== pending) return; // already unlinked
      this.#head = next;
    } else prev.next = next;
    if (next === undefined) this.#tail = prev;
    else next.prev = prev;
    pending.prev = undefined;
    pending.next = undefined;
  }
}
