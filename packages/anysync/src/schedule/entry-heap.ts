/** What the heap orders: a due time, ties broken by insertion order. */
export interface HeapEntry {
  at: number;
  readonly order: number;
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

/** A binary min-heap of entries by (due time, insertion order). */
export class EntryHeap<E extends HeapEntry> {
  readonly #items: E[] = [];

  get size(): number {
    return this.#items.length;
  }

  peek(): E | undefined {
    return this.#items[0];
  }

  push(entry: E): void {
    const items = this.#items;
    items.push(entry);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, items[parent] as E)) break;
      items[index] = items[parent] as E;
      index = parent;
    }
    items[index] = entry;
  }

  pop(): E | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && before(items[right] as E, items[left] as E) ? right : left;
      if (!before(items[child] as E, last)) break;
      items[index] = items[child] as E;
      index = child;
    }
    items[index] = last;
    return top;
  }

  /** Keeps only the entries `keep` accepts (used to drop cancelled entries in bulk). */
  retain(keep: (entry: E) => boolean): void {
    const kept = this.#items.filter(keep);
    this.#items.length = 0;
    for (const entry of kept) this.push(entry);
  }
}
