/**
 * A growable ring buffer: O(1) push and shift without the O(n) `Array#shift` that a plain array pays once
 * it is large. Capacity is a power of two so the index wraps with a mask.
 */
export class Deque<T> {
  #items: (T | undefined)[] = new Array(16);
  #mask = 15;
  #head = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(item: T): void {
    if (this.#length > this.#mask) this.#grow();
    this.#items[(this.#head + this.#length) & this.#mask] = item;
    this.#length++;
  }

  /** Removes and returns the oldest item; `undefined` when empty. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined; // let the item be collected
    this.#head = (this.#head + 1) & this.#mask;
    this.#length--;
    return item;
  }

  peek(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[this.#head];
  }

  clear(): void {
    this.#items = new Array(16);
    this.#mask = 15;
    this.#head = 0;
    this.#length = 0;
  }

  #grow(): void {
    const size = this.#mask + 1;
    const items: (T | undefined)[] = new Array(size * 2);
    for (let i = 0; i < this.#length; i++) items[i] = this.#items[(this.#head + i) & this.#mask];
    this.#items = items;
    this.#mask = size * 2 - 1;
    this.#head = 0;
  }
}
