import { CloneError } from '../errors.js';
import type { ErrorRecord } from '../protocol.js';

/**
 * A constructor of errors that can be rebuilt on the other side of a worker boundary.
 *
 * @example
 * ```ts
 * class DatabaseError extends Error {}
 * const classes: ErrorClass[] = [DatabaseError];
 * new Synchronizer({ errors: classes });
 * ```
 */
export type ErrorClass = abstract new (...args: never[]) => Error;

const MAX_DEPTH = 16;
const OWN_KEYS_HANDLED = new Set(['name', 'message', 'stack', 'cause', 'errors']);

/**
 * Turns a thrown value into a record that survives structured clone: class names up the prototype chain,
 * message, stack, the `cause` chain, `AggregateError.errors` and own enumerable fields such as `code`.
 * Field values that cannot be cloned are replaced by their string form rather than failing the call. A
 * thrown value that is not an error and cannot be cloned (a symbol, an object holding a function) becomes
 * a `CloneError` saying so: its string form could not be told from a thrown string.
 */
export function toErrorRecord(thrown: unknown, depth = 0): ErrorRecord {
  if (depth > MAX_DEPTH) return { kind: 'value', value: cloneable(thrown) };
  if (!(thrown instanceof Error)) {
    const refused = uncloneable(thrown);
    return refused ? toErrorRecord(refused, depth + 1) : { kind: 'value', value: thrown };
  }
  const record: ErrorRecord = {
    kind: 'error',
    classes: classNames(thrown),
    name: String(thrown.name),
    message: String(thrown.message),
    stack: typeof thrown.stack === 'string' ? thrown.stack : undefined,
    hasCause: 'cause' in thrown,
    props: {},
  };
  if (record.hasCause) record.cause = toErrorRecord(thrown.cause, depth + 1);
  if (thrown instanceof AggregateError && Array.isArray(thrown.errors)) {
    record.errors = thrown.errors.map((error: unknown) => toErrorRecord(error, depth + 1));
  }
  for (const key of Object.keys(thrown)) {
    // A `name` set in the constructor (`this.name = …`) is an own enumerable field: kept as one, so
    // `Object.keys` and `JSON.stringify` of the error show it as they did on the worker.
    if (!OWN_KEYS_HANDLED.has(key) || key === 'name') record.props[key] = cloneable((thrown as never)[key]);
  }
  return record;
}

function classNames(error: Error): string[] {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(error); proto && proto !== Object.prototype; ) {
    const name = Object.hasOwn(proto, 'constructor') ? proto.constructor?.name : undefined;
    if (typeof name === 'string' && name !== '') names.push(name);
    proto = Object.getPrototypeOf(proto);
  }
  return names;
}

/** Why `thrown` cannot cross, as the error the other side gets instead; undefined when it can cross. */
function uncloneable(thrown: unknown): CloneError | undefined {
  if (typeof thrown === 'symbol') {
    return new CloneError(
      `the worker threw ${thrown.toString()}, a symbol: symbols cannot cross; throw an Error instead`,
      'thrown value',
    );
  }
  if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) return undefined;
  try {
    structuredClone(thrown);
    return undefined;
  } catch (error) {
    const what = typeof thrown === 'function' ? 'a function' : 'a value';
    return new CloneError(
      `the worker threw ${what} that cannot cross (${error instanceof Error ? error.message : String(error)}); throw an Error instead`,
      'thrown value',
      { cause: error },
    );
  }
}

function cloneable(value: unknown): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return typeof value === 'symbol' ? value.toString() : value;
  }
  try {
    structuredClone(value);
    return value;
  } catch {
    return String(value);
  }
}

const BUILTIN_ERRORS: Record<string, ErrorClass> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  AggregateError,
};

/**
 * Rebuilds an error from its record. The class is the nearest one up the original chain that is either
 * registered or built in, so `instanceof` holds for registered custom errors; the constructor is not run
 * (its signature is unknown), the prototype is set instead. `boundary`, when given, is appended to the
 * stack: the frames of the caller that made the call.
 */
export function fromErrorRecord(
  record: ErrorRecord,
  registry: ReadonlyMap<string, ErrorClass>,
  boundary?: string,
  hideFrame?: (line: string) => boolean,
): unknown {
  if (record.kind === 'value') return record.value;
  const error = instantiate(record, registry);
  const rebuild = (inner: ErrorRecord) => fromErrorRecord(inner, registry, undefined, hideFrame);
  define(error, 'message', record.message);
  if (record.name !== (error as Error).name && !Object.hasOwn(record.props, 'name')) {
    define(error, 'name', record.name);
  }
  if (record.hasCause && record.cause) define(error, 'cause', rebuild(record.cause));
  if (record.errors) define(error, 'errors', record.errors.map(rebuild));
  Object.assign(error, record.props);
  let stack = record.stack ?? `${record.name}: ${record.message}`;
  if (hideFrame)
    stack = stack
      .split('\n')
      .filter((line) => !(/^\s+at /.test(line) && hideFrame(line)))
      .join('\n');
  define(error, 'stack', boundary ? `${stack}\n${boundary}` : stack);
  return error;
}

function instantiate(
  record: Extract<ErrorRecord, { kind: 'error' }>,
  registry: ReadonlyMap<string, ErrorClass>,
) {
  if (record.classes[0] === 'DOMException') return new DOMException(record.message, record.name);
  for (const name of record.classes) {
    const found = registry.get(name) ?? BUILTIN_ERRORS[name];
    if (found) return Object.create(found.prototype) as Error;
  }
  return Object.create(Error.prototype) as Error;
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
}
