import { Op, type OpCode, Status } from '../protocol.js';
import { fromErrorRecord } from '../wire/error-record.js';
import { collectExposed } from '../expose.js';
import { callableKind, type Describer } from './describer.js';
import { type Batch, finish, inject, isPromise, pull } from './iterator-pull.js';
import { loadModule } from './module-loader.js';
import type { NameTable } from './name-table.js';
import type { ObjectTable } from './object-table.js';

/** A decoded request, whichever lane it came by. */
export interface Request {
  op: OpCode;
  target: number;
  name: number;
  args: unknown[];
  /** Whether the caller may cancel it; only then does the worker track the call's signal across awaits. */
  cancellable: boolean;
}

/** What a request produced: `Status.ok` with one value, `Status.error` with the thrown value, or a batch. */
export type Outcome = Batch;

export interface Registry {
  table: ObjectTable;
  names: NameTable;
  describer: Describer;
  /** Module URLs this worker serves, and the chains of the loads in progress (see `WorkerIdentity`). */
  served: Set<string>;
  loading: Set<readonly string[]>;
}

const NO_ERRORS = new Map();

/** Performs one request; a value or a promise of it, or a batch for iterator requests. */
export function perform(registry: Registry, request: Request): unknown {
  const { table, names } = registry;
  const { op, args } = request;
  if (op === Op.load) return load(registry, args as LoadArgs);
  if (op === Op.describe) return registry.describer.describe(Number(args[0]));
  const target = table.get(request.target) as Record<string, unknown>;
  const name = request.name >= 0 ? names.name(request.name) : undefined;
  switch (op) {
    case Op.call:
      return call(target, name, args);
    case Op.construct:
      return construct(registry, target, args);
    case Op.get:
      return target[name as string];
    case Op.set:
      target[name as string] = args[0];
      return undefined;
    case Op.pull:
      return pull(target as unknown as Iterator<unknown>, Number(args[0]));
    case Op.return:
      return finish(target as unknown as Iterator<unknown>, args[0]);
    case Op.throw:
      return inject(target as unknown as Iterator<unknown>, fromErrorRecord(args[0] as never, NO_ERRORS));
    case Op.dispose:
      return dispose(registry, request.target, target);
    case Op.iterate:
      return iterate(registry, target);
    default:
      throw new RangeError(`unknown operation ${String(op)}`);
  }
}

function call(target: Record<string, unknown>, name: string | undefined, args: unknown[]): unknown {
  const fn = name === undefined ? target : target[name];
  if (typeof fn !== 'function') {
    throw new TypeError(`${name ?? 'the target'} is not a function on the worker (it is ${typeof fn})`);
  }
  return Reflect.apply(fn, name === undefined ? undefined : target, args);
}

function construct(registry: Registry, target: Record<string, unknown>, args: unknown[]): unknown {
  const instance = Reflect.construct(target as unknown as new (...a: unknown[]) => object, args);
  return registry.describer.marker(instance, 'object');
}

function iterate(registry: Registry, target: Record<string, unknown>): unknown {
  const open = (target as never)[Symbol.asyncIterator] ?? (target as never)[Symbol.iterator];
  if (typeof open !== 'function') throw new TypeError('the worker object is not iterable');
  const iterator = Reflect.apply(open, target, []) as object;
  return registry.describer.marker(iterator, 'iterator');
}

function dispose(registry: Registry, id: number, target: Record<string, unknown>): unknown {
  const done = () => registry.table.drop(id);
  const close = (target as never)[Symbol.asyncDispose] ?? (target as never)[Symbol.dispose];
  let result: unknown;
  if (typeof close === 'function') result = Reflect.apply(close, target, []);
  else if (typeof target.next === 'function')
    result = finish(target as unknown as Iterator<unknown>, undefined);
  if (!isPromise(result)) {
    done();
    return undefined;
  }
  return result.then(done, (error: unknown) => {
    done();
    throw error;
  });
}

/** `Op.load`'s arguments: the module, its loader, its import attributes and the chain of loads it is part of. */
type LoadArgs = [string, string | undefined, Record<string, string> | undefined, string[] | undefined];

/**
 * Imports a module and describes what the caller gets: the value the module exposed (`expose()`,
 * `synchronize()`), or its exports. While it loads, the chain says so, so that a nested synchronizer
 * created by the module's top-level code cannot load the module again (endlessly).
 */
async function load(registry: Registry, [href, loader, attributes, parents]: LoadArgs): Promise<unknown> {
  const chain = [...(parents ?? []), href];
  registry.loading.add(chain);
  let namespace: object | undefined;
  let exposed: { value: unknown } | undefined;
  try {
    exposed = await collectExposed(href, async () => {
      namespace = await loadModule(href, loader, attributes);
      return namespace;
    });
  } finally {
    registry.loading.delete(chain);
  }
  registry.served.add(href);
  if (!exposed) return registry.describer.marker(namespace as object, 'object', true);
  const value = exposed.value as object;
  const kind =
    typeof value === 'function' ? (callableKind(value) === 'class' ? 'class' : 'function') : 'object';
  return registry.describer.marker(value, kind, true);
}

/** Wraps a plain result as an outcome; iterator requests already produce one. */
export function toOutcome(op: OpCode, value: unknown): Outcome {
  if (op === Op.pull || op === Op.return || op === Op.throw) return value as Outcome;
  return { status: Status.ok, values: [value] };
}
