import { type AsyncConnection, openAsyncConnection } from '../connection/open-async-connection.js';
import type { Row, RunResult, SqlParams } from '../shared/sql-types.js';
import { AsyncTransaction } from './transaction.js';

/**
 * A SQLite database. Creating one does no I/O: the file is opened on first use (for the async twin, on a
 * worker thread of its own, so the event loop never waits on the disk).
 */
export class AsyncDatabase implements AsyncDisposable {
  /** The database file, or `:memory:`. */
  readonly file: string;
  #connection: Promise<AsyncConnection> | undefined;
  #transaction: AsyncTransaction | undefined;

  constructor(file = ':memory:') {
    this.file = file;
  }

  /** Runs a statement that returns no rows. */
  async execute(sql: string, params?: SqlParams): Promise<RunResult> {
    const connection = await this.#connect();
    return await connection.run(sql, params);
  }

  /** Runs several statements separated by semicolons (a schema, a migration), without parameters. */
  async executeScript(sql: string): Promise<void> {
    const connection = await this.#connect();
    await connection.exec(sql);
  }

  /** Every row of a query, at once. */
  async all(sql: string, params?: SqlParams): Promise<Row[]> {
    const connection = await this.#connect();
    return await connection.all(sql, params);
  }

  /** The first row of a query, or `undefined`. */
  async get(sql: string, params?: SqlParams): Promise<Row | undefined> {
    for await (const row of this.rows(sql, params)) return row;
    return undefined;
  }

  /** The rows of a query as they come; stopping early finalizes the statement. */
  async *rows(sql: string, params?: SqlParams): AsyncGenerator<Row> {
    const connection = await this.#connect();
    yield* connection.rows(sql, params);
  }

  /** Begins a transaction; one at a time per database, since statements share the connection. */
  async transaction(): Promise<AsyncTransaction> {
    if (this.#transaction?.state === 'open') {
      throw new Error('a transaction is already open on this database: commit or roll it back first');
    }
    const connection = await this.#connect();
    await connection.exec('BEGIN');
    this.#transaction = new AsyncTransaction(connection);
    return this.#transaction;
  }

  /** Closes the connection (and its thread); the next call opens it again. */
  async close(): Promise<void> {
    const opening = this.#connection;
    this.#connection = undefined;
    if (opening === undefined) return;
    const connection = await opening;
    await connection.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #connect(): Promise<AsyncConnection> {
    // Remember the opening itself, so that calls racing on first use share one connection.
    this.#connection ??= openAsyncConnection(this.file);
    return await this.#connection;
  }
}
