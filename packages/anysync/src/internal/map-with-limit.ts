/** How `mapWithLimit` reaches the limiter it maps through. */
export interface Limiter {
  /** Runs the task under one grant of the limiter (waiting for it if needed). */
  run<R>(task: () => R | PromiseLike<R>): Promise<R>;
  /** Whether a grant is free right now, so one more worker would start at once. */
  hasRoom(): boolean;
}

/**
 * Maps `items` through `fn` with a pool of workers that each pull the next item when they finish one, so
 * only as many calls exist as can run: 100 000 items cost a handful of pending promises, not 100 000.
 * A worker that starts a call while the limiter still has room adds workers until it has none, so the
 * pool grows to the limiter's capacity and follows it when other users free their grants. Resolves with the results in input order; on the first failure no
 * further item is pulled, and the call rejects once the calls in flight have settled.
 */
export function mapWithLimit<T, R>(
  limiter: Limiter,
  items: Iterable<T>,
  fn: (item: T, index: number) => R | PromiseLike<R>,
): Promise<R[]> {
  const iterator = items[Symbol.iterator]();
  const results: R[] = [];
  let next = 0;
  let exhausted = false;
  let failure: { error: unknown } | undefined;
  let workers = 0;
  return new Promise<R[]>((resolve, reject) => {
    const pull = (): { item: T; index: number } | undefined => {
      if (exhausted || failure !== undefined) return undefined;
      try {
        const step = iterator.next();
        if (step.done === true) exhausted = true;
        else return { item: step.value, index: next++ };
      } catch (error) {
        failure = { error };
      }
      return undefined;
    };
    // Called with a grant held: other grants free now mean another worker would start at once. The flag
    // turns the re-entrant calls (each new worker starts synchronously and checks too) into one loop.
    let growing = false;
    const grow = (): void => {
      if (growing) return;
      growing = true;
      do {
        workers++;
        void worker();
      } while (!exhausted && failure === undefined && limiter.hasRoom());
      growing = false;
    };
    const worker = async (): Promise<void> => {
      for (let job = pull(); job !== undefined; job = pull()) {
        const { item, index } = job;
        try {
          results[index] = await limiter.run(() => {
            if (limiter.hasRoom()) grow();
            return fn(item, index);
          });
        } catch (error) {
          failure ??= { error };
        }
      }
      if (--workers > 0) return;
      if (failure === undefined) resolve(results);
      else {
        reject(failure.error);
        iterator.return?.();
      }
    };
    grow();
  });
}
