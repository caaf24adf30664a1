// Checks for server runtimes (Node, Bun, Deno): worker threads, the Synchronizer, the WorkerPool, and the
// examples' built twins. Run by run.mjs after the portable checks.
const at = (path) => new URL(`../../${path}`, import.meta.url).href;

function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}

/** The checks; `skipFor` maps a check's name to why it cannot work on this runtime, if it cannot. */
export function serverChecks(skipFor = {}) {
  const fixture = new URL('./fixtures-add.mjs', import.meta.url);
  const checks = [
    {
      name: 'synchronizer: a blocking call and its .async twin',
      run: async () => {
        const { Synchronizer } = await import(at('packages/anysync/dist/synchronizer/index.js'));
        const sync = new Synchronizer();
        try {
          const api = sync.load(fixture);
          equal(api.add(2, 3), 5, 'blocking call');
          equal(await api.add.async(20, 22), 42, 'async twin');
        } finally {
          await sync.close();
        }
      },
    },
    {
      name: 'offload: a WorkerPool runs sync functions on threads',
      run: async () => {
        const { WorkerPool } = await import(at('packages/anysync/dist/offload/index.js'));
        const pool = new WorkerPool({ size: 2 });
        try {
          const api = await pool.load(fixture);
          equal(await Promise.all([1, 2, 3].map((n) => api.square(n))), [1, 4, 9], 'squares');
        } finally {
          await pool.close();
        }
      },
    },
    {
      name: 'examples/sleepy: the async twin naps in parallel',
      run: async () => {
        const { AsyncSleeper } = await import(at('examples/sleepy/dist/index.js'));
        const report = await new AsyncSleeper({ seconds: 0.01 }).sleepALot(5);
        equal([report.naps, report.backend], [5, 'timers'], 'report');
      },
    },
    {
      name: 'examples/sleepy: the sync twin naps on threads',
      run: async () => {
        const { Sleeper } = await import(at('examples/sleepy/dist/index.js'));
        const sleeper = new Sleeper({ seconds: 0.01 });
        try {
          equal(sleeper.sleepALot(3).naps, 3, 'naps');
        } finally {
          sleeper.close();
        }
      },
    },
    {
      name: 'examples/sqlite: both twins read and write',
      run: async () => {
        const { AsyncDatabase, Database } = await import(at('examples/sqlite/dist/index.js'));
        const db = new Database();
        db.executeScript('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)');
        equal(db.all('SELECT sum(x) AS s FROM t'), [{ s: 3 }], 'sync twin');
        db.close();
        const adb = new AsyncDatabase();
        try {
          await adb.executeScript('CREATE TABLE t (x); INSERT INTO t VALUES (3)');
          const rows = [];
          for await (const row of adb.rows('SELECT x FROM t')) rows.push(row);
          equal(rows, [{ x: 3 }], 'async twin');
        } finally {
          await adb.close();
        }
      },
    },
    {
      name: 'examples/randint: both twins against a loopback server',
      run: async () => {
        const { startRandintServer } = await import(at('examples/randint/dist/server/randint-server.js'));
        const { AsyncRandintClient } = await import(at('examples/randint/dist/index.js'));
        const server = await startRandintServer({ thinkMs: 1 });
        try {
          const values = await new AsyncRandintClient(server).randints(10, 20);
          equal([values.length, values.every((v) => v >= 0 && v <= 10)], [20, true], 'async twin');
        } finally {
          await server.close();
        }
      },
    },
  ];
  return checks.map((check) => ({ ...check, skip: skipFor[check.name] }));
}
