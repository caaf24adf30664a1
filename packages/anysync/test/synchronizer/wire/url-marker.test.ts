import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CloneError, Synchronizer } from '../../../dist/synchronizer/index.js';
import { tempDir } from '../../support/temp-dir.js';
import type * as Urls from '../fixtures/urls.mjs';

const sync = new Synchronizer({ timeout: 10_000 });
const urls = sync.load<typeof Urls>(new URL('../fixtures/urls.mjs', import.meta.url));
const fs = sync.load<typeof import('node:fs/promises')>('node:fs/promises');
afterAll(() => sync.close());

describe('URLs cross as URLs', () => {
  it("reach Node's fs as a URL argument", () => {
    const file = join(tempDir('anysync-url-'), 'note.txt');
    writeFileSync(file, 'by url');
    expect(fs.readFile(pathToFileURL(file), 'utf8')).toBe('by url');
  });

  it('come back from the worker as URLs, not handles', () => {
    const url = urls.make('https://example.test/a?b=1#c');
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe('https://example.test/a?b=1#c');
    expect(url.searchParams.get('b')).toBe('1');
  });

  it('keep identity and travel inside records and maps, blocking or not', async () => {
    const url = new URL('https://example.test/x');
    const value = { url, again: url, map: new Map([['u', url]]) };
    const expected = { isUrl: true, same: true, inMap: true, href: url.href };
    expect(urls.inspect(value)).toEqual(expected);
    expect(await urls.inspect.async(value)).toEqual(expected);
    const back = urls.echo({ url, list: [url] });
    expect(back.url).toBeInstanceOf(URL);
    expect(back.list[0]).toBe(back.url);
  });

  it('leave a subclass to the rules for class instances: a handle out, refused in', () => {
    const endpoint = urls.endpoint('https://example.test/api');
    expect(endpoint).not.toBeInstanceOf(URL);
    expect(endpoint.describe()).toBe('endpoint https://example.test/api');
    class Local extends URL {}
    expect(() => urls.make(new Local('https://example.test/') as never)).toThrow(CloneError);
  });
});
