import { nodeBuiltin } from '../backends/node-builtin.js';

type Util = typeof import('node:util');

/** Proxies look like the object they wrap; only the runtime can tell them (structured clone refuses them). */
const isProxy = nodeBuiltin<Util>('node:util')?.types?.isProxy;

/**
 * Objects, keys and array elements a value may hold and still take this path: past that, serializing pays.
 * A list of a few hundred small records still crosses faster as JSON; the length budget below mostly
 * decides first.
 */
const MAX_NODES = 1024;
/**
 * Longest JSON text built here. Past about 8 KB the serializer's fixed cost no longer shows, and it copies
 * a long string where JSON must scan it to quote it and `JSON.parse` scan it again: a record holding tens
 * of KB of text (a transform's `{ code, map }`) crosses in less than half the time serialized.
 */
const MAX_LENGTH = 8 * 1024;
const MAX_DEPTH = 32;
const toTag = Object.prototype.toString;

/** Thrown (and caught in `plainJson`) as soon as a value holds something JSON would not carry exactly. */
const NOT_PLAIN = Symbol('not plain');

/**
 * What `textOrTooLarge` answers for a value whose text would pass the length budget or that holds more
 * objects, keys and elements than the node budget: a large value, which crosses cheapest by message (see
 * `writeValues`).
 */
export const TOO_LARGE: unique symbol = Symbol('too large for JSON text');

interface Budget {
  nodes: number;
  length: number;
  seen: object[];
  claimed: ((value: object) => boolean) | undefined;
}

/**
 * The JSON text of a value that `JSON.parse` turns back into exactly what structured clone would make of
 * it, or `undefined` when there is no such text. Small options bags and records are the most common
 * structured arguments and results, and `v8.serialize` plus `v8.deserialize` cost several microseconds
 * for them; JSON costs a fraction of that.
 *
 * Exact means: plain objects (`Object.prototype` or `null` prototype, not a proxy) and dense arrays
 * without extra properties, holding strings, booleans, `null`, finite numbers other than `-0`, and more
 * of the same, with no object reached twice (structured clone keeps shared references and cycles). Each
 * property is read once, in the order structured clone reads them. Anything else, `undefined` included
 * (JSON drops it from objects and turns it into `null` in arrays), is left to the serializer. So is
 * everything on runtimes that cannot tell a proxy from its target, and every object `claimed` says its
 * caller must translate itself (a handle, an object marked for transfer).
 *
 * `seen`, shared by the calls for several values, makes an object one of them reached refused in the
 * next: their texts then never share an object, which separate texts would copy apart.
 */
export function plainJson(
  value: unknown,
  claimed?: (value: object) => boolean,
  seen: object[] = [],
): string | undefined {
  const text = textOrTooLarge(value, claimed, seen);
  return text === TOO_LARGE ? undefined : text;
}

/**
 * `plainJson`, telling apart a value refused for its size, found before anything JSON cannot carry:
 * `TOO_LARGE`. Such a value holds more than `MAX_LENGTH` characters of text or `MAX_NODES` objects, keys
 * and elements.
 */
export function textOrTooLarge(
  value: unknown,
  claimed?: (value: object) => boolean,
  seen: object[] = [],
): string | undefined | typeof TOO_LARGE {
  if (!isProxy || typeof value !== 'object' || value === null) return undefined;
  const budget: Budget = { nodes: 0, length: 0, seen, claimed };
  try {
    return encode(value, budget, 0);
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    if (error === TOO_LARGE) return TOO_LARGE;
    throw error;
  }
}

/**
 * Characters a JSON string must escape, and any surrogate: `JSON.stringify` escapes the lone ones, which the
 * UTF-8 area could not carry raw, and keeps pairs as they are.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON must escape exactly U+0000 to U+001F
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON text of a string: most need no escaping, and quoting them is many times cheaper than stringify. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Quoted property names: the same few keys cross in call after call. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 1024;
/** Longer names are quoted each time: the cache must stay small whatever keys a program uses. */
const MAX_CACHED_KEY_LENGTH = 64;

function quoteKey(key: string): string {
  if (key.length > MAX_CACHED_KEY_LENGTH) return quote(key);
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    if (quotedKeys.size >= MAX_QUOTED_KEYS) quotedKeys.clear();
    quoted = quote(key);
    quotedKeys.set(key, quoted);
  }
  return quoted;
}

function encode(value: unknown, budget: Budget, depth: number): string {
  switch (typeof value) {
    case 'string':
      // Measured before it is quoted: quoting scans the whole text (and flattens a concatenation first).
      if (budget.length + value.length > MAX_LENGTH) throw TOO_LARGE;
      return grow(budget, quote(value));
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) throw NOT_PLAIN;
      return grow(budget, String(value));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return encodeObject(value, budget, depth);
    default:
      // `undefined` among them: JSON drops it from records and writes `null` for it in arrays.
      throw NOT_PLAIN;
  }
}

function encodeObject(value: object, budget: Budget, depth: number): string {
  if (++budget.nodes > MAX_NODES) throw TOO_LARGE;
  if (depth >= MAX_DEPTH || isProxy?.(value) || budget.claimed?.(value)) throw NOT_PLAIN;
  if (budget.seen.includes(value)) throw NOT_PLAIN;
  budget.seen.push(value);
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) throw NOT_PLAIN;
    return encodeArray(value, budget, depth);
  }
  if ((proto !== Object.prototype && proto !== null) || toTag.call(value) !== '[object Object]')
    throw NOT_PLAIN;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  budget.nodes += keys.length;
  if (budget.nodes > MAX_NODES) throw TOO_LARGE;
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    text += `${i === 0 ? '' : ','}${grow(budget, quoteKey(key))}:${encode(record[key], budget, depth + 1)}`;
  }
  return `${text}}`;
}

function encodeArray(array: unknown[], budget: Budget, depth: number): string {
  const length = array.length;
  budget.nodes += length;
  if (budget.nodes > MAX_NODES) throw TOO_LARGE;
  // Named properties beside the elements survive structured clone, not JSON.
  if (Object.keys(array).length !== length) throw NOT_PLAIN;
  let text = '[';
  // A hole reads as `undefined`, which `encode` refuses: structured clone keeps holes, JSON does not.
  for (let i = 0; i < length; i++) text += `${i === 0 ? '' : ','}${encode(array[i], budget, depth + 1)}`;
  return `${text}]`;
}

function grow(budget: Budget, text: string): string {
  budget.length += text.length;
  if (budget.length > MAX_LENGTH) throw TOO_LARGE;
  return text;
}

/** Parses, in place, the values a message carries as JSON text: those whose bit is set in `json`. */
export function parseValues(values: unknown[], json: number | undefined): void {
  if (!json) return;
  for (let i = 0; i < values.length && i < 31; i++) {
    if (json & (1 << i)) values[i] = JSON.parse(values[i] as string);
  }
}
