// I/O-free: what users import. Both twins and the value types.
export { AsyncDatabase, AsyncTransaction } from './async/index.js';
export type { Row, RunResult, SqlParam, SqlParams, SqlValue } from './shared/sql-types.js';
export { Database, Transaction } from './sync/index.js';
