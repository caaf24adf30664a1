/**
 * A first-in first-out queue with O(1) push and shift, for tasks waiting for a worker. Removal of a task
 * that gave up (aborted while queued) leaves a hole that `shift` skips.
 */
export class TaskQueue<T extends object> {
  #items: (T | undefined)[] = [];
  #head = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#size++;
  }

  /** Puts a task back at the front: it was sent to a worker that died before starting it. */
  unshift(item: T): void {
    if (this.#head > 0) this.#items[--this.#head] = item;
    else this.#items.unshift(item);
    this.#size++;
  }

  shift(): T | undefined {
    while (this.#head < this.#items.length) {
      const item = this.#items[this.#head];
      this.#items[this.#head++] = undefined;
      if (item) {
        this.#size--;
        this.#compact();
        return item;
      }
    }
    return undefined;
  }

  /** Drops a queued task; false when it already left the queue. */
  remove(item: T): boolean {
    const index = this.#items.indexOf(item, this.#head);
    if (index < 0) return false;
    this.#items[index] = undefined;
    this.#size--;
    return true;
  }

  #compact(): void {
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
