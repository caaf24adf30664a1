// What a call did, as plain data that two runs on different temporary directories can compare: the value
// it returned (or the error it threw: class, code, message, errno, syscall, path and any other own field;
// no stack), with every occurrence of the run's directory written `<root>`. A promise or thenable anywhere
// in a sync result is written as such, so a twin that hands one back can never compare equal.

/** A sync API that returned a promise: the twin's clearest way to be wrong. */
export class ReturnedPromiseError extends Error {
  constructor(name) {
    super(`${name}() returned a promise from a sync API`);
    this.name = 'ReturnedPromiseError';
  }
}

const isThenable = (value) =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof value.then === 'function';

/**
 * Wraps the functions of a sync API view so that a call whose result is a thenable throws
 * `ReturnedPromiseError`; objects with methods that such a call returns (an explorer, a reader) are wrapped
 * too, calling their methods on the real object so private fields keep working.
 */
export function guardSync(view) {
  const wrapFunction = (fn, name) =>
    function guarded(...args) {
      const result = fn.apply(this, args);
      if (isThenable(result)) {
        result.then?.(
          () => {},
          () => {},
        );
        throw new ReturnedPromiseError(name);
      }
      return wrapObject(result, name);
    };
  const wrapObject = (value, name) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !hasMethods(value))
      return value;
    return new Proxy(value, {
      get(target, key) {
        const member = Reflect.get(target, key, target);
        return typeof member === 'function' && key !== 'constructor'
          ? (...args) => wrapFunction(member, `${name}().${String(key)}`).apply(target, args)
          : member;
      },
    });
  };
  return Object.fromEntries(
    Object.entries(view).map(([key, value]) => [
      key,
      typeof value === 'function' ? wrapFunction(value, key) : value,
    ]),
  );
}

function hasMethods(value) {
  for (let o = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(o)))
      if (key !== 'constructor' && typeof d.value === 'function') return true;
  }
  return false;
}

/**
 * Runs `call` and describes what it did, with `root` written as `<root>`. A case may take several steps
 * with `await` between them, so its result is awaited for every color: a sync API's promise is caught by
 * `guardSync` at the call that returned it, and one inside returned data by `describe`.
 */
export async function describeCall(call, root) {
  try {
    return { value: describe(await call(), root) };
  } catch (error) {
    return { error: describeError(error, root) };
  }
}

export function describeError(error, root) {
  if (error === null || typeof error !== 'object') return { thrown: describe(error, root) };
  const out = {
    class: error.constructor?.name ?? typeof error,
    message: typeof error.message === 'string' ? scrub(error.message, root) : undefined,
  };
  for (const key of ['code', 'errno', 'syscall', 'path', 'dest']) {
    if (error[key] !== undefined) out[key] = describe(error[key], root);
  }
  for (const key of Object.keys(error)) {
    if (!(key in out) && key !== 'stack') out[key] = describe(error[key], root);
  }
  return out;
}

function scrub(text, root) {
  return root ? text.split(root).join('<root>') : text;
}

function describe(value, root, seen = new Map(), depth = 0) {
  if (value === undefined) return { undefined: true };
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? { NaN: true } : value;
  if (typeof value === 'bigint') return { bigint: String(value) };
  if (typeof value === 'string') return scrub(value, root);
  if (typeof value === 'symbol') return { symbol: value.description ?? '' };
  if (isThenable(value)) return { PROMISE: 'a promise or thenable where a value was expected' };
  if (typeof value === 'function') return { function: value.name };
  // A second reference to an object already described (a cycle, or the same object returned twice:
  // identity is observable, e.g. a cached config) names the first one by its number.
  if (seen.has(value)) return { sameObjectAs: seen.get(value) };
  if (depth > 12) return { deep: true };
  seen.set(value, seen.size);
  if (Buffer.isBuffer(value)) return { Buffer: value.toString('base64') };
  if (value instanceof Error) return { Error: describeError(value, root) };
  if (value instanceof Map)
    return {
      Map: [...value].map(([k, v]) => [
        describe(k, root, seen, depth + 1),
        describe(v, root, seen, depth + 1),
      ]),
    };
  if (value instanceof Set) return { Set: [...value].map((v) => describe(v, root, seen, depth + 1)) };
  if (value instanceof Date) return { Date: value.getTime() };
  if (Array.isArray(value)) return value.map((v) => describe(v, root, seen, depth + 1));
  const className = value.constructor?.name;
  const fields = Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, describe(value[k], root, seen, depth + 1)]),
  );
  return className && className !== 'Object' ? { [`<${className}>`]: fields } : fields;
}

/** Stable JSON for comparing two descriptions. */
export function canonical(description) {
  return JSON.stringify(description);
}
