// Loaded on a Synchronizer's worker by the synchronizer checks (Node, Bun, Deno and a browser's Web
// Worker): plain JavaScript, no `node:` imports, so it runs everywhere.
export class QuotaError extends Error {
  constructor(message, limit) {
    super(message);
    this.name = 'QuotaError';
    this.limit = limit;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

export async function add(a, b) {
  await tick();
  return a + b;
}

export async function* count(n) {
  for (let i = 0; i < n; i++) {
    await tick();
    yield i;
  }
}

export async function overQuota(limit) {
  await tick();
  throw new QuotaError(`over the quota of ${limit}`, limit);
}

export async function echo(value) {
  return value;
}

export async function bump(view) {
  Atomics.add(view, 0, 1);
  return view;
}

export async function outOfRange(n) {
  throw new RangeError(`${n} is out of range`);
}

export async function record() {
  return {
    when: new Date(0),
    tags: new Set(['a', 'b']),
    sizes: new Map([['x', 1n]]),
    bytes: new Uint8Array([1, 2, 3]),
  };
}

/** Returns a buffer it hands over (transfers) instead of copying. */
export async function transferred(size) {
  const dist = new URL('../../packages/anysync/dist/synchronizer/index.js', import.meta.url);
  const { transfer } = await import(dist.href);
  const buffer = new ArrayBuffer(size);
  return transfer(buffer, [buffer]);
}

export async function wait(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}

/** Throws where nothing catches it, while the call never settles: the worker dies. */
export async function crashSoon(message) {
  setTimeout(() => {
    throw new Error(message);
  }, 1);
  return new Promise(() => {});
}

export class Counter {
  #value;

  constructor(start) {
    this.#value = start;
  }

  async increment(by) {
    await tick();
    this.#value += by;
    return this.#value;
  }

  get value() {
    return this.#value;
  }
}
