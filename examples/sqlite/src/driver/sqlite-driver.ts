// The synchronous driver, used as it is by the sync API and on a worker thread by the async one. Its state
// (open connections) lives in this module, so that the worker keeps it between calls.
import { createRequire } from 'node:module';
import type { Database as WasmDatabase } from 'node-sqlite3-wasm';
import type { Row, RunResult, SqlParams } from '../shared/sql-types.js';

// node-sqlite3-wasm is CommonJS: a real SQLite compiled to WebAssembly, with a blocking API.
const { Database } = createRequire(import.meta.url)(
  'node-sqlite3-wasm',
) as typeof import('node-sqlite3-wasm');

const connections = new Map<number, WasmDatabase>();
let lastId = 0;

function connection(id: number): WasmDatabase {
  const db = connections.get(id);
  if (!db) throw new Error(`connection ${id} is closed`);
  return db;
}

// The driver binds arrays and objects as they are; a frozen readonly view is fine to pass.
const bind = (params: SqlParams | undefined) => params as Parameters<WasmDatabase['run']>[1];

/** Opens (creating if needed) a database file, or `:memory:`; returns the connection's id. */
export function open(file: string): number {
  connections.set(++lastId, new Database(file));
  return lastId;
}

/** Runs one or more statements separated by semicolons, without parameters or results. */
export function exec(id: number, sql: string): void {
  connection(id).exec(sql);
}

/** Runs a statement that returns no rows. */
export function run(id: number, sql: string, params?: SqlParams): RunResult {
  const { changes, lastInsertRowid } = connection(id).run(sql, bind(params));
  return { changes, lastInsertRowid };
}

/** Every row of a query. */
export function all(id: number, sql: string, params?: SqlParams): Row[] {
  return connection(id).all(sql, bind(params)) as Row[];
}

/** The rows of a query one at a time; the statement is finalized however the iteration ends. */
export function* rows(id: number, sql: string, params?: SqlParams): Generator<Row> {
  const statement = connection(id).prepare(sql);
  try {
    yield* statement.iterate(bind(params)) as Iterable<Row>;
  } finally {
    statement.finalize();
  }
}

/** Whether a transaction is open on the connection. */
export function inTransaction(id: number): boolean {
  return connection(id).inTransaction;
}

/** Closes the connection. */
export function close(id: number): void {
  connections.get(id)?.close();
  connections.delete(id);
}
