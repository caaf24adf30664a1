// Checks of anysync's runtime-independent parts against the built dist, in plain JavaScript with no
// imports of `node:` modules, so that the same checks run under Node, Bun, Deno and in browsers.
const dist = (subpath) => new URL(`../../packages/anysync/dist/${subpath}/index.js`, import.meta.url).href;

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  assert(a === b, `${what}: expected ${b}, got ${a}`);
}

/** The checks, each `{ name, run, skip? }`; `expect` says which runtime and thread should be detected. */
export async function portableChecks(expect) {
  const runtime = await import(dist('runtime'));
  const concurrency = await import(dist('concurrency'));
  const primitives = await import(dist('primitives'));
  const iterate = await import(dist('iterate'));
  const cache = await import(dist('cache'));
  const testing = await import(dist('testing'));
  const info = runtime.currentRuntime();
  const nodeFs = globalThis.process?.getBuiltinModule?.('node:fs');
  const noBlocking = info.canBlock
    ? undefined
    : `${info.name}'s ${info.thread} thread may not block${info.sharedMemory ? '' : ' (no SharedArrayBuffer)'}`;
  const ambientContext =
    globalThis.AsyncContext !== undefined ||
    globalThis.AsyncLocalStorage !== undefined ||
    globalThis.process?.getBuiltinModule?.('node:async_hooks')?.AsyncLocalStorage !== undefined;
  return [
    {
      name: 'runtime: currentRuntime() names this runtime and thread',
      run: () => {
        equal([info.name, info.thread], [expect.runtime, expect.thread], 'runtime and thread');
        equal(info.canBlock, expect.canBlock, 'canBlock');
        equal(runtime.canBlock(), info.canBlock, 'canBlock()');
      },
    },
    {
      name: 'runtime: sleepSync blocks and returns its value',
      skip: noBlocking,
      run: () => {
        const started = performance.now();
        equal(runtime.sleepSync(20, 'done'), 'done', 'value');
        assert(performance.now() - started >= 19, 'slept at least 20 ms');
      },
    },
    {
      name: 'runtime: sleepSync refuses, with the reason, where blocking is forbidden',
      skip: noBlocking ? undefined : 'this thread may block',
      run: () => {
        let message = '';
        try {
          runtime.sleepSync(1);
        } catch (error) {
          message = error.message;
        }
        assert(/may not block/.test(message), `an error saying why, got ${JSON.stringify(message)}`);
      },
    },
    {
      name: 'runtime: createBackendRegistry picks the backend of this runtime',
      run: async () => {
        const registry = runtime.createBackendRegistry({
          [expect.runtime]: () => 'mine',
          default: () => 'other',
        });
        equal([registry.selected, await registry.get()], [expect.runtime, 'mine'], 'selected backend');
      },
    },
    {
      name: 'runtime: the sync file API (openSync, opendirSync, readLinesSync) works where node:fs exists',
      skip: nodeFs ? undefined : 'no node:fs here (checked below: it refuses with the reason)',
      run: () => {
        const os = globalThis.process.getBuiltinModule('node:os');
        const dir = nodeFs.mkdtempSync(`${os.tmpdir()}/anysync-conformance-`);
        try {
          const file = `${dir}/lines.txt`;
          const handle = runtime.openSync(file, 'w+');
          equal(handle.write('one\r\ntwo\rthree\n').bytesWritten, 15, 'bytes written');
          const { bytesRead, buffer } = handle.read({ buffer: new Uint8Array(3), position: 0 });
          equal([bytesRead, [...buffer]], [3, [111, 110, 101]], 'read result');
          equal([...handle.readLines({ start: 0 })], ['one', 'two', 'three'], 'handle lines');
          equal(handle.fd, -1, 'readLines closed the handle');
          equal(
            [...runtime.readLinesSync(file, { highWaterMark: 2 })],
            ['one', 'two', 'three'],
            'file lines',
          );
          equal(
            [...runtime.opendirSync(dir)].map((entry) => entry.name),
            ['lines.txt'],
            'directory entries',
          );
        } finally {
          nodeFs.rmSync(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'runtime: the sync file API refuses, with the reason, where there is no node:fs',
      skip: nodeFs ? 'node:fs exists here' : undefined,
      run: () => {
        let message = '';
        try {
          runtime.openSync('x');
        } catch (error) {
          message = error.message;
        }
        assert(/has no node:fs/.test(message), `an error saying why, got ${JSON.stringify(message)}`);
      },
    },
    {
      name: 'concurrency: a task group runs its tasks at once and a timeout cancels a sleep',
      run: async () => {
        const order = [];
        await concurrency.withTaskGroup((group) => {
          for (const ms of [30, 10, 20])
            group.spawn(async () => {
              await concurrency.sleep(ms);
              order.push(ms);
            });
        });
        equal(order, [10, 20, 30], 'finishing order');
        // The scope's signal, passed explicitly: what works where context does not follow awaits.
        const result = await concurrency.moveOnAfter(10, async (scope) => {
          await concurrency.sleep(10_000, { signal: scope.signal });
          return 'slow';
        });
        equal(result, undefined, 'moveOnAfter result');
        let timedOut = false;
        try {
          await concurrency.failAfter(10, (scope) => concurrency.sleepForever({ signal: scope.signal }));
        } catch (error) {
          timedOut = error instanceof concurrency.TimeoutError;
        }
        assert(timedOut, 'failAfter throws TimeoutError');
      },
    },
    {
      name: 'concurrency: the ambient scope cancels a sleep without being handed a signal',
      skip: ambientContext
        ? undefined
        : 'no AsyncLocalStorage or AsyncContext here to carry the scope across awaits',
      run: async () => {
        const result = await concurrency.moveOnAfter(10, async () => {
          await concurrency.sleep(10_000);
          return 'slow';
        });
        equal(result, undefined, 'moveOnAfter result');
      },
    },
    {
      name: 'primitives: lock, semaphore, event and channel',
      run: async () => {
        const lock = new primitives.Lock();
        let inside = 0;
        let most = 0;
        await Promise.all(
          [1, 2, 3].map(() =>
            lock.run(async () => {
              most = Math.max(most, ++inside);
              await concurrency.sleep(2);
              inside--;
            }),
          ),
        );
        equal(most, 1, 'tasks inside the lock at once');
        const event = new primitives.Event();
        setTimeout(() => event.set(), 5);
        await event.wait();
        const [send, receive] = primitives.createChannel(4);
        let sum = 0;
        await concurrency.withTaskGroup((group) => {
          group.spawn(async () => {
            for (let i = 1; i <= 10; i++) await send.send(i);
            send.close();
          });
          group.spawn(async () => {
            for await (const n of receive) sum += n;
          });
        });
        equal(sum, 55, 'sum received');
      },
    },
    {
      name: 'utilities: iterate.map with a window, memoize',
      run: async () => {
        const out = [];
        for await (const n of iterate.map([1, 2, 3, 4], async (n) => n * 2, { concurrency: 2 })) out.push(n);
        equal(out, [2, 4, 6, 8], 'mapped in order');
        let calls = 0;
        const twice = cache.memoize(async (n) => {
          calls++;
          return n * 2;
        });
        equal([await twice(2), await twice(2), calls], [4, 4, 1], 'memoized');
      },
    },
    {
      name: 'testing: VirtualClock drives anysync sleeps; twinCases names both twins',
      run: async () => {
        const clock = new testing.VirtualClock();
        const installed = clock.install();
        try {
          const result = concurrency.moveOnAfter(5000, (scope) =>
            concurrency.sleep(60_000, { signal: scope.signal }),
          );
          await clock.advance(5000);
          equal(await result, undefined, 'moved on at the virtual deadline');
        } finally {
          installed[Symbol.dispose]();
        }
        const twins = { async: { f: async () => 1 }, sync: { f: () => 1 } };
        const cases = testing.twinCases(twins, { syncNeedsBlocking: true });
        equal(
          cases.map((c) => c.color),
          ['async', 'sync'],
          'colors',
        );
        equal(cases[1].skip, noBlocking, 'the sync case is skipped exactly where blocking is forbidden');
        equal(await cases[1].api.f(), 1, 'the sync twin seen through the async API');
      },
    },
  ];
}
