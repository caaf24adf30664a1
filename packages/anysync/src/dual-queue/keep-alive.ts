/**
 * Keeps the thread's event loop alive while it awaits the queue. A pending `Atomics.waitAsync` does not
 * (in Node 20 a worker whose only pending work is `await queue.get()` would exit with "unsettled top-level
 * await"), so the first waiter of a thread starts an idle interval timer and the last one stops it.
 */
let waiters = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function holdOpen(): void {
  if (waiters++ === 0) timer = setInterval(() => {}, 2 ** 30);
}

export function release(): void {
  if (--waiters === 0 && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
  }
}
