import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportedNames, findAsyncResidue, NameConvention } from '@anysync/codegen';
import { twinCases } from 'anysync/testing';
import { afterAll, describe, expect, it } from 'vitest';
// The built twins: the async twin's worker thread loads the compiled driver.
import * as asyncTwin from '../dist/async/index.js';
import * as syncTwin from '../dist/sync/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = () => path.join(dir, `db-${++files}.sqlite`);
const SCHEMA = 'CREATE TABLE messages (id INTEGER PRIMARY KEY, sender TEXT, body TEXT)';

describe.each(twinCases({ async: asyncTwin, sync: syncTwin }))('$name', ({ api }) => {
  it('opens the file on first use, not in the constructor', async () => {
    const file = freshFile();
    await using db = new api.AsyncDatabase(file);
    expect(existsSync(file)).toBe(false);
    await db.executeScript(SCHEMA);
    expect(existsSync(file)).toBe(true);
  });

  it('writes rows and reads them back, all at once, one by one, or the first', async () => {
    await using db = new api.AsyncDatabase(freshFile());
    await db.executeScript(SCHEMA);
    expect(
      await db.execute('INSERT INTO messages (sender, body) VALUES (?, ?)', ['Bob', 'I need your help.']),
    ).toEqual({ changes: 1, lastInsertRowid: 1 });
    await db.execute('INSERT INTO messages (sender, body) VALUES (:sender, :body)', {
      ':sender': 'Janet',
      ':body': 'What time is it?',
    });
    expect(await db.all('SELECT sender FROM messages ORDER BY id')).toEqual([
      { sender: 'Bob' },
      { sender: 'Janet' },
    ]);
    const seen: string[] = [];
    for await (const row of db.rows('SELECT body FROM messages ORDER BY id')) seen.push(String(row.body));
    expect(seen).toEqual(['I need your help.', 'What time is it?']);
    expect(await db.get('SELECT count(*) AS n FROM messages')).toEqual({ n: 2 });
    expect(await db.get('SELECT * FROM messages WHERE id = ?', [99])).toBeUndefined();
  });

  it('finalizes the statement when iteration stops early', async () => {
    await using db = new api.AsyncDatabase(freshFile());
    await db.executeScript(`${SCHEMA}; INSERT INTO messages (body) VALUES ('a'), ('b'), ('c')`);
    for await (const row of db.rows('SELECT * FROM messages')) {
      expect(row.body).toBe('a');
      break;
    }
    // An unfinalized statement would keep the table locked.
    await db.executeScript('DROP TABLE messages');
    expect(await db.all("SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
  });

  it('commits a transaction, and rolls back one left without commit', async () => {
    await using db = new api.AsyncDatabase(freshFile());
    await db.executeScript(SCHEMA);
    {
      await using tx = await db.transaction();
      await tx.execute("INSERT INTO messages (body) VALUES ('kept')");
      await tx.commit();
      expect(tx.state).toBe('committed');
    }
    const failing = async () => {
      await using tx = await db.transaction();
      await tx.execute("INSERT INTO messages (body) VALUES ('dropped')");
      throw new Error('changed my mind');
    };
    await expect(failing()).rejects.toThrow('changed my mind');
    expect(await db.all('SELECT body FROM messages')).toEqual([{ body: 'kept' }]);
  });

  it('allows one open transaction at a time and refuses a finished one', async () => {
    await using db = new api.AsyncDatabase(freshFile());
    await db.executeScript(SCHEMA);
    const tx = await db.transaction();
    await expect(db.transaction()).rejects.toThrow(/already open/);
    await tx.rollback();
    await expect(tx.execute('SELECT 1')).rejects.toThrow(/rolled back/);
    await using next = await db.transaction();
    expect(next.state).toBe('open');
  });

  it('reports SQL errors with SQLite’s message and keeps the connection usable', async () => {
    await using db = new api.AsyncDatabase();
    await expect(db.all('SELECT * FROM nowhere')).rejects.toThrow(/no such table: nowhere/);
    expect(await db.get('SELECT 1 + 1 AS two')).toEqual({ two: 2 });
  });

  it('opens again after close', async () => {
    const file = freshFile();
    const db = new api.AsyncDatabase(file);
    await db.executeScript(`${SCHEMA}; INSERT INTO messages (body) VALUES ('x')`);
    await db.close();
    expect(await db.all('SELECT body FROM messages')).toEqual([{ body: 'x' }]);
    await db.close();
  });
});

describe('the async twin', () => {
  it('shares one connection between calls racing on first use', async () => {
    await using db = new asyncTwin.AsyncDatabase();
    await Promise.all([db.executeScript('CREATE TABLE a (x)'), db.executeScript('CREATE TABLE b (x)')]);
    expect(await db.all('SELECT name FROM sqlite_master ORDER BY name')).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
  });
});

describe('the generated sync twin', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const src = (color: string) => path.join(here, '..', 'src', color);
  const twins = readdirSync(src('sync')).filter((file) => file.endsWith('.ts'));

  it('exists for every async source', () => {
    expect(twins.sort()).toEqual(readdirSync(src('async')).sort());
  });

  it.each(twins)('%s has no async, await or Promise left', (file) => {
    expect(findAsyncResidue(readFileSync(path.join(src('sync'), file), 'utf8'), file)).toEqual([]);
  });

  it.each(twins)('%s exports the same names as its async source, renamed by the convention', (file) => {
    const names = new NameConvention();
    const asyncNames = exportedNames(readFileSync(path.join(src('async'), file), 'utf8'), file);
    const syncNames = exportedNames(readFileSync(path.join(src('sync'), file), 'utf8'), file);
    expect(syncNames).toEqual(asyncNames.map((name) => names.syncName(name) ?? name).sort());
  });
});
