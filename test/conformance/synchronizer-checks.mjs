// Checks of the Synchronizer against the built dist, in plain JavaScript with no `node:` imports, so the
// same checks run under Node, Bun, Deno and in a browser (blocking ones in a Web Worker of a
// cross-origin-isolated page; on a page's main thread, the refusal and the promise twins).
const dist = new URL('../../packages/anysync/dist/synchronizer/index.js', import.meta.url).href;
const fixture = new URL('./fixtures-api.mjs', import.meta.url);

function equal(actual, expected, what) {
  const a = JSON.stringify(actual, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  const b = JSON.stringify(expected, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}

function throwsLike(fn, pattern, what) {
  try {
    fn();
  } catch (error) {
    if (!pattern.test(String(error?.message))) throw new Error(`${what}: unexpected error ${error}`);
    return error;
  }
  throw new Error(`${what}: did not throw`);
}

async function rejectsLike(promise, pattern, what) {
  try {
    await promise;
  } catch (error) {
    if (!pattern.test(String(error?.message))) throw new Error(`${what}: unexpected error ${error}`);
    return;
  }
  throw new Error(`${what}: did not reject`);
}

/**
 * `canBlock`: whether this thread may block (then blocking calls are checked, else their refusal);
 * `browser`: whether the Web Worker backend is in use (then its documented limits are checked). A check
 * with `only: false` does not apply here.
 */
export async function synchronizerChecks({ canBlock, browser }) {
  const { Synchronizer } = await import(dist);
  const { QuotaError } = await import(fixture.href);
  // One synchronizer (one worker) for all checks; closed by the last one.
  const sync = new Synchronizer({ errors: [QuotaError], timeout: 10_000 });
  const blocking = canBlock ? undefined : 'this thread may not block';
  const checks = [
    {
      name: 'synchronizer (browser): a first blocking call waits for no worker that cannot start yet',
      only: browser,
      skip: blocking,
      run: async () => {
        // A browser starts the worker only once this thread returns to its event loop.
        throwsLike(() => sync.load(fixture), /has not started.*loadAsync/, 'first blocking load');
        const api = await sync.loadAsync(fixture);
        equal(api.add(1, 2), 3, 'a blocking call once the worker runs');
      },
    },
    {
      name: 'synchronizer: blocking calls, values of every structured kind',
      skip: blocking,
      run: () => {
        const api = sync.load(fixture);
        equal(api.add(2, 3), 5, 'add');
        equal(api.add('a', 'b'), 'ab', 'strings');
        const value = api.record();
        equal(
          [value.when.getTime(), [...value.tags], [...value.sizes], [...value.bytes]],
          [0, ['a', 'b'], [['x', 1n]], [1, 2, 3]],
          'record',
        );
      },
    },
    {
      name: 'synchronizer: large values both ways (the shared areas grow)',
      skip: blocking,
      run: () => {
        const api = sync.load(fixture);
        const text = `${'é✓'.repeat(300_000)}😀`;
        equal(api.echo(text) === text, true, '1.5 MB of UTF-8 text');
        const rows = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `row ${id}`, tags: ['a', 'b'] }));
        const copy = api.echo(rows);
        equal([copy.length, copy[19_999]], [20_000, rows[19_999]], 'a large object graph');
      },
    },
    {
      name: 'synchronizer: shared memory stays shared both ways',
      skip: blocking || (typeof SharedArrayBuffer === 'undefined' && 'no SharedArrayBuffer here'),
      run: () => {
        const api = sync.load(fixture);
        const view = new Int32Array(new SharedArrayBuffer(8));
        if (browser) {
          // Shared memory travels by message, which a blocked browser thread cannot receive (documented):
          // in an argument it goes, in a reply it fails with the reason.
          throwsLike(() => api.bump(view), /cannot receive messages while it blocks/, 'a reply');
          equal(view[0], 1, 'the argument was shared');
          return;
        }
        const back = api.bump(view);
        back[1] = 5;
        equal([view[0], view[1], back.buffer instanceof SharedArrayBuffer], [1, 5, true], 'one memory');
      },
    },
    {
      name: 'synchronizer: an async generator iterated synchronously',
      skip: blocking,
      run: () => {
        const api = sync.load(fixture);
        const seen = [];
        for (const n of api.count(5)) seen.push(n);
        equal(seen, [0, 1, 2, 3, 4], 'items');
      },
    },
    {
      name: 'synchronizer: a class handle keeps its state on the worker',
      skip: blocking,
      run: () => {
        const api = sync.load(fixture);
        const counter = new api.Counter(10);
        equal([counter.increment(5), counter.increment(1), counter.value], [15, 16, 16], 'counter');
      },
    },
    {
      name: 'synchronizer: errors come back with their class and message',
      skip: blocking,
      run: () => {
        const api = sync.load(fixture);
        const quota = throwsLike(() => api.overQuota(3), /over the quota of 3/, 'custom error');
        equal([quota instanceof QuotaError, quota.name, quota.limit], [true, 'QuotaError', 3], 'QuotaError');
        const range = throwsLike(() => api.outOfRange(7), /7 is out of range/, 'built-in error');
        equal(range instanceof RangeError, true, 'RangeError');
      },
    },
    {
      name: 'synchronizer: a blocking refusal names why, before anything is sent',
      only: !canBlock,
      run: async () => {
        throwsLike(() => sync.load(fixture), /may not block/, 'load()');
        const api = await sync.loadAsync(fixture);
        throwsLike(() => api.add(1, 2), /may not block/, 'a blocking call');
        throwsLike(() => api.add.async(1, 2).result(), /may not block/, 'future.result()');
      },
    },
    {
      name: 'synchronizer: the promise twins (loadAsync, .async, for await over .async)',
      run: async () => {
        const api = await sync.loadAsync(fixture);
        equal(await api.add.async(20, 22), 42, 'add.async');
        const seen = [];
        for await (const n of api.count.async(3)) seen.push(n);
        equal(seen, [0, 1, 2], 'count.async');
        let error;
        try {
          await api.overQuota.async(5);
        } catch (thrown) {
          error = thrown;
        }
        equal([error instanceof QuotaError, error?.message], [true, 'over the quota of 5'], 'rejection');
      },
    },
    {
      name: 'synchronizer (browser): a blocking reply that must come by message is an error, not a hang',
      only: browser,
      skip: blocking,
      run: async () => {
        const api = sync.load(fixture);
        throwsLike(() => api.transferred(8), /cannot receive messages while it blocks/, 'transferred reply');
        const pending = api.add.async(2, 2);
        throwsLike(() => pending.result(), /cannot receive messages while it blocks/, 'future.result()');
        equal(await pending, 4, 'the same future, awaited');
        const buffer = await api.transferred.async(8);
        equal(buffer.byteLength, 8, 'the async twin receives it');
        equal(api.add(1, 1), 2, 'the next blocking call works');
      },
    },
    {
      name: 'synchronizer (browser): Node-only options and TypeScript modules are refused with the reason',
      only: browser,
      run: async () => {
        const withEnv = new Synchronizer({ env: { MODE: 'test' } });
        await rejectsLike(withEnv.loadAsync(fixture), /env is a Node option/, 'env');
        await withEnv.close();
        const withArgs = new Synchronizer({ execArgv: ['--no-warnings'] });
        await rejectsLike(withArgs.loadAsync(fixture), /execArgv .* is a Node option/, 'execArgv');
        await withArgs.close();
        const withLoader = new Synchronizer({ loader: 'tsx' });
        await rejectsLike(withLoader.loadAsync(fixture), /Node module hooks/, 'loader');
        await withLoader.close();
        const typescript = new URL('./fixtures-api.ts', import.meta.url);
        await rejectsLike(sync.loadAsync(typescript), /does not run TypeScript.*compiled JavaScript/, '.ts');
      },
    },
    {
      name: 'synchronizer: a blocking call times out with TimeoutError, and the next one is served',
      skip: blocking,
      run: async () => {
        const { TimeoutError } = await import(dist);
        const api = sync.load(fixture);
        const late = throwsLike(() => api.wait.with({ timeout: 30 })(5_000), /timed out after 30 ms/, 'wait');
        equal(late instanceof TimeoutError, true, 'TimeoutError');
        equal(api.wait(1), 1, 'the next call');
      },
    },
    {
      name: 'synchronizer: a worker that dies under a blocking call fails it with WorkerCrashError',
      skip: blocking,
      run: async () => {
        const { WorkerCrashError } = await import(dist);
        const doomed = new Synchronizer({ timeout: 10_000 });
        try {
          const api = await doomed.loadAsync(fixture);
          const crash = throwsLike(() => api.crashSoon('boom'), /crashed/, 'the blocked call');
          equal(crash instanceof WorkerCrashError, true, 'WorkerCrashError');
          throwsLike(() => api.add(1, 2), /crashed/, 'later calls');
          // A browser reads the crash report only on its event loop: the cause is filled in then.
          await new Promise((resolve) => setTimeout(resolve, 50));
          equal(crash.cause?.message, 'boom', 'the uncaught error as cause');
        } finally {
          await doomed.close();
        }
      },
    },
    {
      name: 'synchronizer: close() ends the worker; later calls fail with ClosedError',
      run: async () => {
        const api = await sync.loadAsync(fixture);
        await sync.close();
        await rejectsLike(api.add.async(1, 2), /closed/, 'after close');
      },
    },
  ];
  // Checks that do not apply here (a browser's limits on a server runtime) are left out, not skipped:
  // a skip says that something cannot work where it should.
  return checks.filter((check) => check.only !== false);
}
