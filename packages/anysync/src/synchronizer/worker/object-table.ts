import { ClosedError } from '../errors.js';

interface Entry {
  value: object;
  /** How many times the id went out in replies, minus what the caller has released. */
  sent: number;
  pinned: boolean;
}

/**
 * The worker objects callers hold handles to, by id. An object keeps one id for as long as it is
 * referenced, so a caller sees the same handle each time the same object comes back.
 *
 * Releases count: the caller says how many times it had received the id when its handle died, and the
 * entry goes only when every id sent has been accounted for. A release that crosses a reply carrying the
 * same id therefore cannot drop an object the caller still holds.
 */
export class ObjectTable {
  readonly #entries = new Map<number, Entry>();
  readonly #ids = new WeakMap<object, number>();
  #next = 1;

  /** The id for `value`, counted as sent once more. Pinned entries (module namespaces) are never released. */
  export(value: object, pinned = false): number {
    const known = this.#ids.get(value);
    if (known !== undefined) {
      const entry = this.#entries.get(known);
      if (entry) {
        entry.sent++;
        return known;
      }
    }
    const id = this.#next++;
    this.#ids.set(value, id);
    this.#entries.set(id, { value, sent: 1, pinned });
    return id;
  }

  get(id: number): object {
    const entry = this.#entries.get(id);
    if (!entry)
      throw new ClosedError(`worker object #${id} was released or disposed; its handle is no longer usable`);
    return entry.value;
  }

  /** Accounts for `count` receipts; returns the object if that was the last reference, so it can be closed. */
  release(id: number, count: number): object | undefined {
    const entry = this.#entries.get(id);
    if (!entry || entry.pinned) return undefined;
    entry.sent -= count;
    if (entry.sent > 0) return undefined;
    this.#entries.delete(id);
    this.#ids.delete(entry.value);
    return entry.value;
  }

  /** Drops `id` at once, whatever was sent (an explicit dispose). */
  drop(id: number): void {
    const entry = this.#entries.get(id);
    if (!entry || entry.pinned) return;
    this.#entries.delete(id);
    this.#ids.delete(entry.value);
  }

  get size(): number {
    return this.#entries.size;
  }
}
