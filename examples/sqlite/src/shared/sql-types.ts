/** A value SQLite stores. */
export type SqlValue = number | bigint | string | Uint8Array | null;

/** A value that may be bound to a statement parameter (booleans are stored as 0 and 1). */
export type SqlParam = SqlValue | boolean;

/** Positional (`?`) or named (`:name`, `$name`, `@name`) parameters. */
export type SqlParams = readonly SqlParam[] | Readonly<Record<string, SqlParam>>;

/** One result row, column name → value. */
export type Row = Record<string, SqlValue>;

/** What a statement that returns no rows did. */
export interface RunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}
