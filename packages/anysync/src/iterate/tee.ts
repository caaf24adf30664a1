import { checkInteger } from '../internal/check-integer.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

/** A step of the source as every branch will see it, linked to the next one once it is read. */
interface Node<T> {
  readonly step?: IteratorResult<T>;
  readonly error?: { readonly reason: unknown };
  next?: Node<T>;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** What the branches of one `tee` share: the source, the newest step read, and who is still reading. */
class TeeSource<T> {
  tail: Node<T> = {};
  open: number;
  #pending: Promise<void> | undefined;

  constructor(
    readonly reader: SourceReader<T>,
    branches: number,
  ) {
    this.open = branches;
  }

  /** Reads the next step into the list; branches asking at the same time share the read. */
  pull(): Promise<void> {
    this.#pending ??= this.reader.next().then(
      (step) => this.#append({ step }),
      (reason: unknown) => this.#append({ error: { reason } }),
    );
    return this.#pending;
  }

  async leave(): Promise<void> {
    if (--this.open === 0) await this.reader.close();
  }

  #append(node: Node<T>): void {
    this.tail.next = node;
    this.tail = node;
    this.#pending = undefined;
  }
}

/** One reader of a tee: its own position in the shared list. Nodes no branch points at are collected. */
class TeeBranch<T> implements AsyncIterableIterator<T> {
  #node: Node<T> | undefined;
  /** Calls of `next()` on one branch run one after another, as they would on an async generator. */
  #last: Promise<unknown> = Promise.resolve();

  constructor(readonly source: TeeSource<T>) {
    this.#node = source.tail;
  }

  next(): Promise<IteratorResult<T>> {
    const result = this.#last.then(() => this.#step());
    this.#last = result.catch(() => {});
    return result;
  }

  async #step(): Promise<IteratorResult<T>> {
    let node = this.#node;
    if (node === undefined) return DONE;
    if (node.next === undefined) await this.source.pull();
    node = node.next as Node<T>;
    this.#node = node;
    if (node.error !== undefined) {
      await this.#finish();
      throw node.error.reason;
    }
    if (node.step?.done === true) {
      await this.#finish();
      return DONE;
    }
    return node.step as IteratorResult<T>;
  }

  /** Leaves the tee; the source is closed once every branch has left. */
  async return(): Promise<IteratorResult<T>> {
    await this.#finish();
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async #finish(): Promise<void> {
    if (this.#node === undefined) return;
    this.#node = undefined;
    await this.source.leave();
  }
}

/**
 * Splits one (async) iterable into `count` independent iterators that each see every item. The source is
 * read once, as fast as the fastest branch asks; items are kept until the slowest branch has read them
 * (so a branch left unread makes the others buffer everything). The source is closed once every branch
 * has finished or been closed (`break`, `return()`); a source error reaches each branch in turn.
 *
 * @example
 * ```ts
 * import { tee } from 'anysync/iterate';
 *
 * async function* readings() {
 *   yield* [3, 1, 2];
 * }
 * const [forSum, forMax] = tee(readings(), 2);
 * let sum = 0;
 * for await (const n of forSum) sum += n;
 * let max = -Infinity;
 * for await (const n of forMax) max = Math.max(max, n);
 * console.log(sum, max); // 6 3
 * ```
 */
export function tee<T>(source: AnyIterable<T>, count = 2): AsyncIterableIterator<T>[] {
  // One branch object each: the bound is the longest array there can be.
  checkInteger(count, 'tee(): count', 1, 2 ** 32 - 1);
  const shared = new TeeSource(new SourceReader(source, 'tee(): source'), count);
  return Array.from({ length: count }, () => new TeeBranch(shared));
}
