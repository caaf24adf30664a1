// The talk's "rows from sqlite" and "contexts", from async code (driver on a worker) and from sync code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AsyncDatabase, Database, type Row } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-demo-'));
const SCHEMA = 'CREATE TABLE messages (id INTEGER PRIMARY KEY, sender TEXT, recipient TEXT, body TEXT)';
const INSERT = 'INSERT INTO messages (sender, recipient, body) VALUES (?, ?, ?)';
const show = (row: Row) => `row #${row.id} from ${row.sender} to ${row.recipient}: ${row.body}`;

try {
  let started = performance.now();
  {
    await using db = new AsyncDatabase(path.join(dir, 'async.db'));
    await db.executeScript(SCHEMA);
    await db.execute(INSERT, ['Bob', 'Alice', 'I need your help.']);
    await db.execute(INSERT, ['Janet', 'Nina', 'What time is the developer sync?']);
    await db.execute(INSERT, ['Nina', 'Janet', "I think it's after the design review."]);
    for await (const row of db.rows('SELECT * FROM messages ORDER BY id')) console.log(`  ${show(row)}`);
    {
      await using tx = await db.transaction();
      await tx.execute(INSERT, ['Jack', 'Jill', "I'm out of water."]);
      await tx.execute(INSERT, ['Jack', 'Terry', 'Do you know where my pail is?']);
      await tx.commit();
    }
    try {
      await using tx = await db.transaction();
      await tx.execute(INSERT, ['Jill', 'Jack', 'Never mind.']);
      throw new Error('changed my mind');
    } catch {}
    for await (const row of db.rows('SELECT * FROM messages WHERE id > ?', [3]))
      console.log(`  ${show(row)}`);
  }
  console.log(
    `async twin: the talk's rows written, read back with for await, one transaction rolled back (${(performance.now() - started).toFixed(0)} ms, driver on a worker thread)`,
  );

  // The same work from both twins: 1000 inserts in one transaction, then every row read back.
  started = performance.now();
  let count = 0;
  {
    await using db = new AsyncDatabase(path.join(dir, 'async-bulk.db'));
    await db.executeScript(SCHEMA);
    {
      await using tx = await db.transaction();
      for (let i = 0; i < 1000; i++) await tx.execute(INSERT, ['Bob', 'Alice', `message ${i}`]);
      await tx.commit();
    }
    for await (const _ of db.rows('SELECT * FROM messages')) count++;
  }
  console.log(
    `async twin: ${count} rows inserted in a transaction, read back with for await (${(performance.now() - started).toFixed(0)} ms)`,
  );
  started = performance.now();
  count = 0;
  {
    using db = new Database(path.join(dir, 'sync-bulk.db'));
    db.executeScript(SCHEMA);
    {
      using tx = db.transaction();
      for (let i = 0; i < 1000; i++) tx.execute(INSERT, ['Bob', 'Alice', `message ${i}`]);
      tx.commit();
    }
    for (const _ of db.rows('SELECT * FROM messages')) count++;
  }
  console.log(
    `sync twin:  ${count} rows inserted in a transaction, read back with for…of (${(performance.now() - started).toFixed(0)} ms)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
