import type { TransferListItem } from 'node:worker_threads';

type Marks = WeakMap<object, readonly TransferListItem[]>;
const KEY = Symbol.for('anysync.synchronizer.transfer');
const global = globalThis as Record<symbol, Marks | undefined>;
/** Shared by every copy of anysync loaded in a thread, so a marker set by one copy is seen by another. */
const marks: Marks = global[KEY] ?? new WeakMap();
global[KEY] = marks;

/**
 * Marks `value` so that the buffers in `list` are transferred, not copied, when `value` crosses to or from
 * a worker: as an argument of any synchronizer or pool call, or as a worker function's result. A
 * transferred `ArrayBuffer` is detached on the sending side. Returns `value` unchanged.
 *
 * @example
 * ```ts
 * import { transfer } from 'anysync/synchronizer';
 *
 * // In a worker module: hand a 1 MB buffer back without copying it.
 * export async function render(size: number): Promise<Uint8Array> {
 *   const pixels = new Uint8Array(size);
 *   return transfer(pixels, [pixels.buffer]);
 * }
 * ```
 */
export function transfer<T extends object>(value: T, list: readonly TransferListItem[]): T {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    throw new TypeError(`transfer() needs an object to mark, got ${value === null ? 'null' : typeof value}`);
  }
  marks.set(value, list);
  return value;
}

/** The transfer list `value` was marked with, if any; the mark is consumed. */
export function takeTransfer(value: object): readonly TransferListItem[] | undefined {
  const list = marks.get(value);
  if (list) marks.delete(value);
  return list;
}

/** Whether `value` carries a transfer mark, without consuming it. */
export function hasTransferMark(value: object): boolean {
  return marks.has(value);
}
