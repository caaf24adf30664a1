/** A task that may return a value or a promise (or throw synchronously). */
export type Task<T> = () => T | PromiseLike<T>;

/**
 * Runs tasks while their owner holds a token and gives the token back when each task settles. The two
 * settle callbacks are created once per owner, not once per task, and a waiting task's gate resolves to
 * the task itself, so the hot path of `Semaphore.run` and `Lock.run` allocates no closure at all.
 */
export class TokenRunner {
  readonly #release: () => void;
  readonly #fulfilled: (value: unknown) => unknown;
  readonly #rejected: (error: unknown) => never;

  constructor(release: () => void) {
    this.#release = release;
    this.#fulfilled = (value) => {
      release();
      return value;
    };
    this.#rejected = (error) => {
      release();
      throw error;
    };
  }

  /** Runs `task` now (the token is already held); the token is released however it ends. */
  run<T>(task: Task<T>): Promise<T> {
    let result: T | PromiseLike<T>;
    try {
      result = task();
    } catch (error) {
      this.#release();
      return Promise.reject(error);
    }
    const promise = result instanceof Promise ? (result as Promise<T>) : Promise.resolve(result);
    return promise.then(this.#fulfilled, this.#rejected) as Promise<T>;
  }

  /** `run` as a callback for a gate promise that resolves with the task once the token is granted. */
  readonly start = <T>(task: Task<T>): Promise<T> => this.run(task);
}
