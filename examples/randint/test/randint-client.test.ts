import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportedNames, findAsyncResidue, NameConvention } from '@anysync/codegen';
import { twinCases } from 'anysync/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The built twins: the sync twin's network I/O runs compiled modules on a Synchronizer's worker.
import * as asyncTwin from '../dist/async/index.js';
import { type LaunchedServer, launchServer } from '../dist/server/launch-server.js';
import * as syncTwin from '../dist/sync/index.js';

let server: LaunchedServer;
beforeAll(async () => {
  server = await launchServer();
});
afterAll(() => server.close());

describe.each(twinCases({ async: asyncTwin, sync: syncTwin }, { syncNeedsBlocking: true }))(
  '$name',
  ({ api, skip }) => {
    it.skipIf(skip)('gets random numbers within the bound from the real server', async () => {
      const client = new api.AsyncRandintClient(server);
      const value = await client.randint(20);
      expect(Number.isInteger(value) && value >= 0 && value <= 20).toBe(true);
      expect(await client.randint(0)).toBe(0);
    });

    it.skipIf(skip)('makes many requests', async () => {
      const values = await new api.AsyncRandintClient(server).randints(5, 40);
      expect(values).toHaveLength(40);
      expect(values.every((value) => value >= 0 && value <= 5)).toBe(true);
    });

    it.skipIf(skip)('streams numbers until the loop stops', async () => {
      const values: number[] = [];
      for await (const value of new api.AsyncRandintClient(server).stream(3)) {
        values.push(value);
        if (values.length === 4) break;
      }
      expect(values).toHaveLength(4);
    });

    it.skipIf(skip)('reports a refused connection as the network error it is', async () => {
      const closed = new api.AsyncRandintClient({ port: 1 });
      await expect(closed.randint(5)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    });

    it('checks bounds and ports before any I/O', async () => {
      await expect(new api.AsyncRandintClient(server).randint(-1)).rejects.toThrow(RangeError);
      await expect(new api.AsyncRandintClient(server).randints(1.5, 2)).rejects.toThrow(/whole number/);
      expect(() => new api.AsyncRandintClient({ port: 70_000 })).toThrow(/not a TCP port/);
    });
  },
);

describe('the server', () => {
  it('answers a bad request with an error line', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect({ host: server.host, port: server.port }, () => socket.end('twenty\n'));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    expect(reply).toBe('error: send a whole number and a newline\n');
  });
});

describe('the generated sync twin', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = (color: string) => path.join(here, '..', 'src', color);
  const files = readdirSync(dir('sync')).filter((file) => file.endsWith('.ts'));

  it('exists for every async source', () => {
    expect(files.sort()).toEqual(readdirSync(dir('async')).sort());
  });

  it.each(files)('%s has no async, await or Promise left', (file) => {
    expect(findAsyncResidue(readFileSync(path.join(dir('sync'), file), 'utf8'), file)).toEqual([]);
  });

  it.each(files)('%s exports the same names as its async source, renamed by the convention', (file) => {
    const names = new NameConvention();
    const asyncNames = exportedNames(readFileSync(path.join(dir('async'), file), 'utf8'), file);
    const syncNames = exportedNames(readFileSync(path.join(dir('sync'), file), 'utf8'), file);
    expect(syncNames).toEqual(asyncNames.map((name) => names.syncName(name) ?? name).sort());
  });
});
