import type { TransferListItem } from 'node:worker_threads';
import { ClosedError, CloneError } from '../errors.js';
import { MARK } from '../protocol.js';
import { takeTransfer } from '../transfer.js';
import { isCloneableBuiltin } from '../wire/cloneable-builtin.js';
import { locate } from '../wire/locate.js';
import { type HandleTable, handleState } from './handle-table.js';

/** Arguments ready to cross: handles and signals replaced by markers, transfers collected. */
export interface PreparedArgs {
  values: unknown[];
  marked: boolean;
  transfer: TransferListItem[];
  /** `AbortSignal`s found among the arguments; the call is aborted when one of them aborts. */
  signals: AbortSignal[];
}

/** Why a value was refused; turned into a `CloneError` with the value's path by `prepareArgs`. */
class Refusal {
  constructor(
    readonly value: unknown,
    readonly reason: string,
    readonly closed = false,
  ) {}
}

interface Walk {
  table: HandleTable;
  marked: boolean;
  transfer: TransferListItem[];
  signals: AbortSignal[];
  seen: Set<object> | undefined;
}

/**
 * Checks and translates call arguments. Primitives pass untouched (the common case allocates nothing
 * beyond the result). Handles become references, `AbortSignal`s become the worker call's signal, and
 * values that cannot cross — functions, class instances whose methods would be lost, symbols, handles of
 * another worker — fail at once with a `CloneError` naming their path, before anything is sent.
 */
export function prepareArgs(
  args: unknown[],
  table: HandleTable,
  transfer?: readonly TransferListItem[],
): PreparedArgs {
  if (!transfer && allPlain(args)) return { values: args, marked: false, transfer: NONE, signals: NONE };
  const walk: Walk = {
    table,
    marked: false,
    transfer: transfer ? [...transfer] : [],
    signals: [],
    seen: undefined,
  };
  let values = args;
  try {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (!isStructured(arg)) continue;
      const next = translate(arg, walk, 0);
      if (next !== arg) {
        if (values === args) values = args.slice();
        values[i] = next;
      }
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const path = locate(args, error.value, 'arguments');
    if (error.closed) throw new ClosedError(`${path}: ${error.reason}`);
    throw new CloneError(`${path} ${error.reason}`, path);
  }
  return { values, marked: walk.marked, transfer: walk.transfer, signals: walk.signals };
}

const NONE: never[] = [];

/** Whether every argument crosses as it is (the common call); a loop, cheaper than `every` here. */
function allPlain(args: unknown[]): boolean {
  for (let i = 0; i < args.length; i++) if (isStructured(args[i])) return false;
  return true;
}

function translate(value: unknown, walk: Walk, depth: number): unknown {
  if (typeof value === 'symbol') throw new Refusal(value, 'is a symbol; symbols cannot cross to the worker');
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  const state = handleState(value);
  if (state) return reference(value, state, walk);
  if (typeof value === 'function') {
    throw new Refusal(value, 'is a function; functions cannot cross to the worker (pass data, or a handle)');
  }
  if (value instanceof AbortSignal) {
    walk.signals.push(value);
    walk.marked = true;
    return { [MARK]: 'signal' };
  }
  const marked = takeTransfer(value);
  if (marked) walk.transfer.push(...marked);
  if (isCloneableBuiltin(value) || depth > 64) return value;
  walk.seen ??= new Set();
  if (walk.seen.has(value)) return value;
  walk.seen.add(value);
  if (Array.isArray(value)) return translateArray(value, walk, depth);
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null)
    return translateRecord(value as Record<string, unknown>, walk, depth);
  if (hasPrototypeMethods(proto)) {
    const name = proto.constructor?.name || 'an object';
    throw new Refusal(value, `is a ${name} instance; its methods would be lost crossing to the worker`);
  }
  return value;
}

function reference(value: object, state: NonNullable<ReturnType<typeof handleState>>, walk: Walk) {
  if (state.owner !== walk.table) throw new Refusal(value, `is a handle of another worker (${state.label})`);
  if (state.released) throw new Refusal(value, `was disposed (${state.label})`, true);
  walk.marked = true;
  return { [MARK]: 'ref', id: state.id };
}

/** Whether `item` may hold something to translate: only objects, functions and symbols can. */
function isStructured(item: unknown): boolean {
  return (
    item !== null && (typeof item === 'object' || typeof item === 'function' || typeof item === 'symbol')
  );
}

// Index loops rather than iterators: these run on every object argument of every call.
function translateArray(value: unknown[], walk: Walk, depth: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (!isStructured(item)) continue;
    const next = translate(item, walk, depth + 1);
    if (next !== item) {
      copy ??= value.slice();
      copy[i] = next;
    }
  }
  return copy ?? value;
}

function translateRecord(value: Record<string, unknown>, walk: Walk, depth: number): object {
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = value[key];
    if (!isStructured(item)) continue;
    const next = translate(item, walk, depth + 1);
    if (next !== item) {
      copy ??= { ...value };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

function hasPrototypeMethods(proto: object): boolean {
  for (let level = proto; level && level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const name of Object.getOwnPropertyNames(level)) {
      if (
        name !== 'constructor' &&
        typeof Object.getOwnPropertyDescriptor(level, name)?.value === 'function'
      ) {
        return true;
      }
    }
  }
  return false;
}
