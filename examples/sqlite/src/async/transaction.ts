import type { AsyncConnection } from '../connection/open-async-connection.js';
import type { Row, RunResult, SqlParams } from '../shared/sql-types.js';

/**
 * An open transaction: `await using tx = await db.transaction()`. Commit it explicitly; leaving the block
 * any other way (an error, an early return) rolls it back.
 */
export class AsyncTransaction implements AsyncDisposable {
  readonly #connection: AsyncConnection;
  #state: 'open' | 'committed' | 'rolled back' = 'open';

  /** @internal Started by `AsyncDatabase.transaction()`, which has already sent `BEGIN`. */
  constructor(connection: AsyncConnection) {
    this.#connection = connection;
  }

  /** `open`, `committed` or `rolled back`. */
  get state(): 'open' | 'committed' | 'rolled back' {
    return this.#state;
  }

  async execute(sql: string, params?: SqlParams): Promise<RunResult> {
    this.#checkOpen();
    return await this.#connection.run(sql, params);
  }

  async all(sql: string, params?: SqlParams): Promise<Row[]> {
    this.#checkOpen();
    return await this.#connection.all(sql, params);
  }

  async commit(): Promise<void> {
    this.#checkOpen();
    this.#state = 'committed';
    await this.#connection.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    this.#checkOpen();
    this.#state = 'rolled back';
    await this.#connection.exec('ROLLBACK');
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#state === 'open') await this.rollback();
  }

  #checkOpen(): void {
    if (this.#state !== 'open') throw new Error(`the transaction is ${this.#state}`);
  }
}
