import type { TransferListItem } from 'node:worker_threads';
import { ClosedError, CloneError } from '../errors.js';
import { MARK } from '../protocol.js';
import { isPlainUrl, urlMarker } from '../wire/url-marker.js';
import { hasTransferMark } from '../transfer.js';
import { crossesOnlyByMessage, isCloneableBuiltin } from '../wire/cloneable-builtin.js';
import { GraphWalk, isStructured, Refusal, WALK } from '../wire/graph-walk.js';
import { locate } from '../wire/locate.js';
import { plainJson } from '../wire/plain-json.js';
import { argumentsShare } from './arguments-share.js';
import { type HandleTable, handleState } from './handle-table.js';

/** Arguments ready to cross: handles and signals replaced by markers, transfers collected. */
export interface PreparedArgs {
  values: unknown[];
  marked: boolean;
  transfer: TransferListItem[];
  /** `AbortSignal`s found among the arguments; the call is aborted when one of them aborts. */
  signals: AbortSignal[];
  /**
   * Set when `plainJson` was tried on every structured argument: the JSON text of each it could carry, by
   * index. The others need not be tried again.
   */
  json?: (string | undefined)[] | undefined;
  /** Set when an argument holds a value only a message carries (see `crossesOnlyByMessage`). */
  byMessage?: boolean;
  /**
   * Set when the arguments may share objects across them (see `argumentsShare`): they must then
   * be copied as one list, as structured clone copies them, not one by one. `json` is unset then.
   */
  packed?: boolean;
}

/**
 * Checks and translates call arguments. Primitives pass untouched (the common case allocates nothing
 * beyond the result). Handles become references, `AbortSignal`s become the worker call's signal, and
 * values that cannot cross — functions, class instances whose methods would be lost, symbols, handles of
 * another worker — fail at once with a `CloneError` naming their path, before anything is sent. The
 * translated arguments keep the shape structured clone gives them (see `GraphWalk`).
 *
 * With `json`, an argument that `plainJson` can carry exactly is turned into its JSON text here and not
 * walked: it holds nothing to translate, and each of its properties is read once, as structured clone
 * reads them, so a getter in an options object runs once. The text also takes the argument as it is at
 * the call, whenever the message carrying it leaves.
 */
export function prepareArgs(
  args: unknown[],
  table: HandleTable,
  transfer?: readonly TransferListItem[],
  json = false,
): PreparedArgs {
  if (!transfer && allPlain(args)) return { values: args, marked: false, transfer: NONE, signals: NONE };
  let texts = json ? jsonTexts(args) : undefined;
  const packed = argumentsShare(args, texts);
  if (packed) texts = undefined;
  else if (texts && !transfer && allText(args, texts)) {
    return { values: args, marked: false, transfer: NONE, signals: NONE, json: texts };
  }
  const rules = new ArgumentRules(table);
  const walk = new GraphWalk(rules.classify);
  if (transfer) walk.transfer.push(...transfer);
  try {
    const values = walk.values(args, texts && ((index) => texts[index] !== undefined));
    return {
      values,
      marked: rules.marked,
      transfer: walk.transfer,
      signals: rules.signals,
      json: texts,
      byMessage: rules.byMessage,
      packed,
    };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const path = locate(args, error.value, 'arguments');
    if (error.closed) throw new ClosedError(`${path}: ${error.reason}`);
    throw new CloneError(`${path} ${error.reason}`, path);
  }
}

const NONE: never[] = [];

/** Whether every argument crosses as it is (the common call); a loop, cheaper than `every` here. */
function allPlain(args: unknown[]): boolean {
  for (let i = 0; i < args.length; i++) if (isStructured(args[i])) return false;
  return true;
}

/** Whether every structured argument has its JSON text: nothing is left to walk. */
function allText(args: unknown[], texts: (string | undefined)[]): boolean {
  for (let i = 0; i < args.length; i++) if (isStructured(args[i]) && texts[i] === undefined) return false;
  return true;
}

/** One `seen` list for all: an argument that reaches an object an earlier one reached gets no text. */
function jsonTexts(args: unknown[]): (string | undefined)[] {
  const texts = new Array<string | undefined>(args.length);
  const seen: object[] = [];
  for (let i = 0; i < args.length; i++) {
    if (isStructured(args[i])) texts[i] = plainJson(args[i], claimed, seen);
  }
  return texts;
}

/** Objects `plainJson` must leave to the walk: handles and objects marked for transfer. */
function claimed(value: object): boolean {
  return handleState(value) !== undefined || hasTransferMark(value);
}

/** What the caller sends for each object of its arguments (see `Classify`). */
class ArgumentRules {
  marked = false;
  byMessage = false;
  readonly signals: AbortSignal[] = [];
  /** Whether each class prototype met has methods, asked once a call. */
  #methods: Map<object, boolean> | undefined;

  constructor(private readonly table: HandleTable) {}

  readonly classify = (value: object | symbol): unknown => {
    if (typeof value === 'symbol')
      throw new Refusal(value, 'is a symbol; symbols cannot cross to the worker');
    const state = handleState(value);
    if (state) {
      if (state.owner !== this.table)
        throw new Refusal(value, `is a handle of another worker (${state.label})`);
      if (state.released) throw new Refusal(value, `was disposed (${state.label})`, true);
      this.marked = true;
      return { [MARK]: 'ref', id: state.id };
    }
    if (typeof value === 'function') {
      throw new Refusal(
        value,
        'is a function; functions cannot cross to the worker (pass data, or a handle)',
      );
    }
    if (value instanceof AbortSignal) {
      this.signals.push(value);
      this.marked = true;
      return { [MARK]: 'signal' };
    }
    if (isPlainUrl(value)) {
      this.marked = true;
      return urlMarker(value);
    }
    return this.#isWalked(value) ? WALK : value;
  };

  /**
   * Arrays and records are walked, and so are instances of data-only classes, which structured clone
   * copies as records. Built-ins cross as they are; instances whose methods would be lost are refused.
   * Arrays and records are told apart first: they are most of what a walk meets.
   */
  #isWalked(value: object): boolean {
    if (Array.isArray(value)) return true;
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return true;
    // Their contents follow the same rules as an array's: a handle or a signal inside must be translated.
    if (value instanceof Map || value instanceof Set || value instanceof Error) return true;
    if (isCloneableBuiltin(value)) {
      if (crossesOnlyByMessage(value)) this.byMessage = true;
      return false;
    }
    this.#methods ??= new Map();
    let methods = this.#methods.get(proto);
    if (methods === undefined) {
      methods = hasPrototypeMethods(proto);
      this.#methods.set(proto, methods);
    }
    if (methods) {
      const name = proto.constructor?.name || 'an object';
      throw new Refusal(value, `is a ${name} instance; its methods would be lost crossing to the worker`);
    }
    return true;
  }
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
