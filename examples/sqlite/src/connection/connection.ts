import type { Row, RunResult, SqlParams } from '../shared/sql-types.js';

type Colored<Color extends 'async' | 'sync', T> = Color extends 'async' ? Promise<T> : T;

/** One open database connection, in either color: the only I/O the library code above it sees. */
export interface Connection<Color extends 'async' | 'sync'> {
  exec(sql: string): Colored<Color, void>;
  run(sql: string, params?: SqlParams): Colored<Color, RunResult>;
  all(sql: string, params?: SqlParams): Colored<Color, Row[]>;
  rows(sql: string, params?: SqlParams): Color extends 'async' ? AsyncGenerator<Row> : Generator<Row>;
  inTransaction(): Colored<Color, boolean>;
  close(): Colored<Color, void>;
}

/** A connection whose calls run on a worker thread and return promises. */
export type AsyncConnection = Connection<'async'>;

/** A connection whose calls run in the calling thread and block. */
export type SyncConnection = Connection<'sync'>;
