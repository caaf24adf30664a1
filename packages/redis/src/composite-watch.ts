/**
 * Waiting for whichever of several sources speaks first: a store's Redis channel and its in-process
 * fallback. `push()` records what a source delivered; `next()` takes it, waiting up to `ms` for one.
 */
export class Mailbox<T> {
  readonly #items: T[] = [];
  #wake: (() => void) | undefined;

  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }

  /** Takes the first item matching `accept`, waiting up to `ms` for one; `undefined` when none came. */
  async take(ms: number, accept: (item: T) => boolean = () => true): Promise<T | undefined> {
    const deadline = performance.now() + ms;
    for (;;) {
      const index = this.#items.findIndex(accept);
      if (index >= 0) return this.#items.splice(index, 1)[0];
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }
}
