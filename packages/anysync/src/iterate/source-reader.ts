import { checkIterable } from '../internal/check-iterable.js';

/**
 * Anything `for await` accepts: an async iterable, or a sync iterable (whose values may be promises).
 *
 * @example
 * ```ts
 * import { type AnyIterable, take } from 'anysync/iterate';
 *
 * const sources: AnyIterable<number>[] = [[1, 2, 3], (async function* () { yield 4; })()];
 * for (const source of sources) for await (const n of take(source, 1)) console.log(n); // 1, 4
 * ```
 */
export type AnyIterable<T> = AsyncIterable<T> | Iterable<T | PromiseLike<T>>;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** A sync iterator seen as an async one, awaiting its values as `for await` does. */
function fromSync<T>(iterator: Iterator<T | PromiseLike<T>>): AsyncIterator<T> {
  return {
    async next() {
      const step = iterator.next();
      return step.done === true ? step : { done: false, value: await step.value };
    },
    async return() {
      iterator.return?.();
      return DONE;
    },
  };
}

/**
 * One pass over a source, with the one thing every tool here must get right: closing it. A source may be
 * closed while one of its `next()` calls is still pending (the consumer stopped, a sibling failed); an
 * async generator would queue the `return()` behind that call anyway, so it is sent once the call settles,
 * without making the consumer wait for a source that may never answer. Otherwise `close()` waits for the
 * source's cleanup to finish.
 */
export class SourceReader<T> {
  readonly #source: AnyIterable<T>;
  #iterator: AsyncIterator<T> | undefined;
  #pending: Promise<IteratorResult<T>> | undefined;
  #finished = false;

  /** Checks that `source` is iterable (named `label` in the error); it is opened on the first `next()`. */
  constructor(source: AnyIterable<T>, label: string) {
    this.#source = checkIterable(source, label, true);
  }

  /** Whether the source ended, failed or was closed. */
  get finished(): boolean {
    return this.#finished;
  }

  /** The next step; only one is requested at a time, and calling again while one is pending shares it. */
  next(): Promise<IteratorResult<T>> {
    if (this.#finished) return Promise.resolve(DONE);
    this.#pending ??= this.#open()
      .next()
      .then(
        (step) => {
          this.#pending = undefined;
          if (step.done === true) this.#finished = true;
          return step;
        },
        (error: unknown) => {
          this.#pending = undefined;
          this.#finished = true;
          throw error;
        },
      );
    return this.#pending;
  }

  /** Closes the source unless it already ended or was never opened (see the class comment). */
  async close(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    const iterator = this.#iterator;
    if (iterator === undefined) return;
    const pending = this.#pending;
    if (pending === undefined) {
      await iterator.return?.();
      return;
    }
    const closeAfter = (): void => {
      void Promise.resolve(iterator.return?.()).catch(() => {});
    };
    pending.then(closeAfter, () => {}); // a source whose next() failed is already closed
  }

  #open(): AsyncIterator<T> {
    if (this.#iterator !== undefined) return this.#iterator;
    const source = this.#source;
    this.#iterator =
      Symbol.asyncIterator in Object(source)
        ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
        : fromSync((source as Iterable<T | PromiseLike<T>>)[Symbol.iterator]());
    return this.#iterator;
  }
}
