// Heap bytes one queued call keeps alive, per library, for the notes of `limit-100k`: a limiter of 1 is
// held by a first task, 100 000 calls are queued behind it the way the adapters queue them, and the heap
// grown after a full GC is divided by the calls (the promises handed back to the caller included).
//   node --expose-gc queued-memory.mjs <library>   prints the bytes per call
const CALLS = 100_000;
let open;
const gate = new Promise((resolve) => {
  open = resolve;
});
const first = () => gate;
const task = async () => {};

const libraries = {
  async anysync() {
    const { Semaphore } = await import('anysync/primitives');
    const semaphore = new Semaphore(1);
    return { hold: () => semaphore.run(first), call: () => semaphore.run(task) };
  },
  async 'p-limit'() {
    const { default: pLimit } = await import('p-limit');
    const limiter = pLimit(1);
    return { hold: () => limiter(first), call: () => limiter(task) };
  },
  async 'p-queue'() {
    const { default: PQueue } = await import('p-queue');
    const queue = new PQueue({ concurrency: 1 });
    return { hold: () => queue.add(first), call: () => queue.add(task) };
  },
  async 'async-sema'() {
    const { Sema } = await import('async-sema');
    const sema = new Sema(1);
    const limited = (fn) => async () => {
      await sema.acquire();
      try {
        return await fn();
      } finally {
        sema.release();
      }
    };
    return { hold: limited(first), call: limited(task) };
  },
  async 'async-mutex'() {
    const { Semaphore } = await import('async-mutex');
    const semaphore = new Semaphore(1);
    return { hold: () => semaphore.runExclusive(first), call: () => semaphore.runExclusive(task) };
  },
};

const library = await libraries[process.argv[2]]();
const held = library.hold();
await null;
const pending = new Array(CALLS);
globalThis.gc();
globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < CALLS; i++) pending[i] = library.call();
await null; // let each library's own enqueue microtasks run
globalThis.gc();
globalThis.gc();
const perCall = (process.memoryUsage().heapUsed - before) / CALLS;
open();
await Promise.all([held, ...pending]);
process.stdout.write(String(Math.round(perCall)));
