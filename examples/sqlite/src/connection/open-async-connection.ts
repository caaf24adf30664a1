import { WorkerPool } from 'anysync/offload';
import type { AsyncConnection } from './connection.js';

export type { AsyncConnection } from './connection.js';

/**
 * Opens a connection whose driver runs on a worker thread of its own (aiosqlite's one thread per
 * connection): every call is a promise, and rows stream back in batches as the caller iterates.
 */
export async function openAsyncConnection(file: string): Promise<AsyncConnection> {
  // One thread: the connection's state lives in that worker's copy of the driver module.
  const pool = new WorkerPool({ size: 1, name: 'sqlite connection' });
  const driver = await pool.load<typeof import('../driver/sqlite-driver.js')>(
    new URL('../driver/sqlite-driver.js', import.meta.url),
  );
  const id = await driver.open(file);
  return {
    exec: (sql) => driver.exec(id, sql),
    run: (sql, params) => driver.run(id, sql, params),
    all: (sql, params) => driver.all(id, sql, params),
    rows: (sql, params) => driver.rows(id, sql, params),
    inTransaction: () => driver.inTransaction(id),
    close: async () => {
      try {
        await driver.close(id);
      } finally {
        await pool.close();
      }
    },
  };
}
