import { checkOptions } from '../internal/check-options.js';
import { checkRenames, checkTwin } from './check-twin-options.js';

/** Options of {@link asyncView}. */
export interface AsyncViewOptions {
  /**
   * Member names the generator renamed by configuration (`{ aclose: 'close' }`), async name → sync name.
   * The default convention (`fooAsync` → `foo`, `AsyncFoo` → `Foo`) needs no entry.
   */
  readonly renames?: Readonly<Record<string, string>> | undefined;
}

type Shape = ((...args: never[]) => unknown) | undefined;

interface ViewContext {
  /** Sync class → its async twin, to find the shape of an instance's members. */
  readonly classes: Map<unknown, { readonly prototype: object }>;
  readonly renames: Readonly<Record<string, string>>;
  /** View → the sync object behind it, so a view passed back as an argument arrives as itself. */
  readonly targets: WeakMap<object, object>;
}

const kindOf = (fn: unknown): string | undefined =>
  typeof fn === 'function'
    ? (Object.getPrototypeOf(fn) as { constructor?: { name?: string } }).constructor?.name
    : undefined;
const isClass = (fn: unknown): boolean =>
  typeof fn === 'function' && /^class\b/.test(Function.prototype.toString.call(fn));
const isGenerator = (value: unknown): value is Generator =>
  Object.prototype.toString.call(value) === '[object Generator]';

/**
 * Presents a library's sync twin through the API of its async twin, so that one test body, written
 * against the async API, runs against both: where the async twin has an `async` function the view returns a
 * promise (a sync `throw` becomes a rejection), where it has an async generator the view returns an async
 * generator, `Symbol.asyncDispose` and `Symbol.asyncIterator` map to their sync counterparts, and members
 * renamed by the generator's naming convention (`readAsync` → `read`, `AsyncClient` → `Client`) are found
 * under their async names. The async twin's own functions must be native `async` functions (ES2017 output
 * or later), since their kind is what tells which members to adapt. {@link twinCases} uses it.
 *
 * @example
 * ```ts
 * import { asyncView } from 'anysync/testing';
 * import * as asyncTwin from './src/async/index.js';
 * import * as syncTwin from './src/sync/index.js';
 *
 * const lib = asyncView(syncTwin, asyncTwin); // typed as the async twin
 * const client = new lib.AsyncClient(); // a sync Client underneath
 * console.log(await client.readAsync('x.txt')); // calls client.read('x.txt')
 * ```
 */
export function asyncView<Api extends object>(
  syncTwin: object,
  asyncTwin: Api,
  options: AsyncViewOptions = {},
): Api {
  checkTwin(syncTwin, 'asyncView(): syncTwin');
  checkTwin(asyncTwin, 'asyncView(): asyncTwin');
  checkOptions(options, 'asyncView()', ['renames']);
  checkRenames(options.renames, 'asyncView(): renames');
  const context: ViewContext = { classes: new Map(), renames: options.renames ?? {}, targets: new WeakMap() };
  const view: Record<string, unknown> = {};
  for (const [name, asyncValue] of Object.entries(asyncTwin)) {
    const syncName = syncNameOf(name, syncTwin, context.renames);
    const syncValue = (syncTwin as Record<string, unknown>)[syncName];
    if (isClass(asyncValue) && isClass(syncValue)) {
      context.classes.set(syncValue, asyncValue as { prototype: object });
    }
    view[name] = syncValue;
  }
  for (const [name, asyncValue] of Object.entries(asyncTwin)) {
    const syncValue = view[name];
    view[name] = isClass(syncValue)
      ? classView(syncValue as new (...args: unknown[]) => object, context)
      : typeof syncValue === 'function'
        ? functionView(syncValue as (...args: unknown[]) => unknown, asyncValue as Shape, undefined, context)
        : syncValue;
  }
  return view as Api;
}

function syncNameOf(name: string, target: object, renames: Readonly<Record<string, string>>): string {
  const renamed = renames[name];
  if (renamed !== undefined) return renamed;
  if (name in target) return name;
  const conventional = name.replace(/^Async(?=[A-Z])/, '').replace(/(?<=[a-z0-9])Async$/, '');
  return conventional in target ? conventional : name;
}

function functionView(
  fn: (...args: unknown[]) => unknown,
  shape: Shape,
  self: unknown,
  context: ViewContext,
): (...args: unknown[]) => unknown {
  const call = (args: unknown[]) =>
    fn.apply(
      self,
      args.map((arg) => unwrap(arg, context)),
    );
  switch (kindOf(shape)) {
    case 'AsyncFunction':
      return (...args) => {
        try {
          return Promise.resolve(adapt(call(args), context));
        } catch (error) {
          return Promise.reject(error);
        }
      };
    case 'AsyncGeneratorFunction':
      return (...args) => asyncIteratorOf(call(args) as Iterator<unknown>, context);
    default:
      return (...args) => adapt(call(args), context);
  }
}

function classView(syncClass: new (...args: unknown[]) => object, context: ViewContext): unknown {
  const asyncClass = context.classes.get(syncClass);
  return new Proxy(syncClass, {
    construct: (target, args) =>
      adapt(
        Reflect.construct(
          target,
          args.map((arg) => unwrap(arg, context)),
        ),
        context,
      ) as object,
    get: (target, key) => {
      const value = Reflect.get(target, key);
      if (key === 'prototype' || typeof value !== 'function') return value;
      const shape = asyncClass ? (Reflect.get(asyncClass, key) as Shape) : undefined;
      return functionView(value as (...args: unknown[]) => unknown, shape, target, context);
    },
  });
}

/** Wraps instances of the twin's classes (and arrays of them) in views; data passes through as it is. */
function adapt(value: unknown, context: ViewContext): unknown {
  if (Array.isArray(value))
    return value.some((item) => isInstance(item, context))
      ? value.map((item) => adapt(item, context))
      : value;
  if (isGenerator(value)) return value;
  return isInstance(value, context) ? instanceView(value as object, context) : value;
}

function isInstance(value: unknown, context: ViewContext): boolean {
  return typeof value === 'object' && value !== null && context.classes.has(value.constructor);
}

function instanceView(instance: object, context: ViewContext): object {
  const asyncProto = (context.classes.get(instance.constructor) as { prototype: object }).prototype;
  const view = new Proxy(instance, {
    get: (target, key) => {
      if (key === Symbol.asyncDispose) {
        const dispose = Reflect.get(target, Symbol.dispose) as (() => void) | undefined;
        return dispose && (async () => dispose.call(target));
      }
      if (key === Symbol.asyncIterator) {
        const iterate = Reflect.get(target, Symbol.iterator) as (() => Iterator<unknown>) | undefined;
        return iterate && (() => asyncIteratorOf(iterate.call(target), context));
      }
      const syncKey = typeof key === 'string' ? syncNameOf(key, target, context.renames) : key;
      const shape = memberShape(asyncProto, key);
      // Read with the real object as receiver: private fields (`#x`) only exist on it, not on the view.
      const value = Reflect.get(target, syncKey, target);
      if (shape.getter || typeof value !== 'function') return adapt(value, context);
      return functionView(value as (...args: unknown[]) => unknown, shape.method, target, context);
    },
    set: (target, key, value) =>
      Reflect.set(
        target,
        typeof key === 'string' ? syncNameOf(key, target, context.renames) : key,
        value,
        target,
      ),
    has: (target, key) =>
      Reflect.has(target, typeof key === 'string' ? syncNameOf(key, target, context.renames) : key),
  });
  context.targets.set(view, instance);
  return view;
}

function memberShape(proto: object, key: PropertyKey): { getter: boolean; method: Shape } {
  for (let at: object | null = proto; at && at !== Object.prototype; at = Object.getPrototypeOf(at)) {
    const descriptor = Object.getOwnPropertyDescriptor(at, key);
    if (descriptor) return { getter: descriptor.get !== undefined, method: descriptor.value as Shape };
  }
  return { getter: false, method: undefined };
}

function unwrap(value: unknown, context: ViewContext): unknown {
  return (typeof value === 'object' && value !== null && context.targets.get(value)) || value;
}

async function* asyncIteratorOf(iterator: Iterator<unknown>, context: ViewContext): AsyncGenerator<unknown> {
  let done = false;
  try {
    for (;;) {
      const step = iterator.next();
      if (step.done) {
        done = true;
        return step.value;
      }
      yield adapt(step.value, context);
    }
  } finally {
    // A `break` in the test's `for await` reaches the sync generator, whose `finally` blocks then run.
    if (!done) iterator.return?.();
  }
}
