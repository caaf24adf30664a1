import type { TransferListItem } from 'node:worker_threads';
import { describeValue } from '../internal/describe-value.js';

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
  checkTransferList(list, 'transfer(value, list): list');
  marks.set(value, list);
  return value;
}

/**
 * Refuses, where the list is given (`transfer()`, a call's `transfer` option), a list `postMessage` would
 * refuse later with no more than "Found invalid object in transferList": the entry and what to list
 * instead are named here. `what` names the list in the message.
 */
export function checkTransferList(list: unknown, what: string): void {
  if (!Array.isArray(list)) {
    throw new TypeError(
      `${what} must be an array of ArrayBuffers, MessagePorts or other transferable objects, got ${describeValue(list)}`,
    );
  }
  for (let index = 0; index < list.length; index++) {
    const item: unknown = list[index];
    // Lists are short (a buffer or two): a scan costs less than a set.
    const problem = list.indexOf(item) < index ? 'is listed twice' : transferProblem(item);
    if (problem) throw new TypeError(`${what}[${index}] ${problem}`);
  }
}

function transferProblem(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') {
    return `must be a transferable object (an ArrayBuffer, a MessagePort, a stream), got ${describeValue(item)}`;
  }
  if (typeof SharedArrayBuffer === 'function' && item instanceof SharedArrayBuffer) {
    return 'is a SharedArrayBuffer, which is shared, never transferred: pass it as a value and both sides see the same memory';
  }
  if (ArrayBuffer.isView(item)) {
    return `is ${describeValue(item)}: a view is not transferable, list its .buffer`;
  }
  const proto: unknown = Object.getPrototypeOf(item);
  if (proto === Object.prototype || proto === null || Array.isArray(item)) {
    return `is ${describeValue(item)}, which cannot be transferred: list ArrayBuffers, MessagePorts or streams`;
  }
  return undefined;
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
