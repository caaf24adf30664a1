import * as driver from '../driver/sqlite-driver.js';
import type { SyncConnection } from './connection.js';

export type { SyncConnection } from './connection.js';

/** Opens a connection that runs the driver in this thread, blocking it for each call. */
export function openConnection(file: string): SyncConnection {
  const id = driver.open(file);
  return {
    exec: (sql) => driver.exec(id, sql),
    run: (sql, params) => driver.run(id, sql, params),
    all: (sql, params) => driver.all(id, sql, params),
    rows: (sql, params) => driver.rows(id, sql, params),
    inTransaction: () => driver.inTransaction(id),
    close: () => driver.close(id),
  };
}
