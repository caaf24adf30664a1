import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ClosedError, CloneError, Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';
import type * as OwnMethods from './fixtures/own-methods.mjs';

const sync = new Synchronizer({ timeout: 10_000 });
const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
afterAll(() => sync.close());

describe('class handles', () => {
  it('constructs on the worker and keeps state there between calls', () => {
    const counter = new api.Counter(10);
    expect(counter.increment()).toBe(11);
    expect(counter.increment(5)).toBe(16);
    expect(counter.value).toBe(16);
    expect(counter instanceof api.Counter).toBe(true);
  });

  it('reads and writes accessors and own fields on the worker object', () => {
    const counter = new api.Counter(1);
    counter.value = 41;
    expect(counter.increment()).toBe(42);
    expect(counter.label).toBe('counter from 1');
    counter.label = 'renamed';
    expect(counter.label).toBe('renamed');
  });

  it("calls methods held in the instance's own properties (arrow class fields, bound methods)", async () => {
    const own = sync.load<typeof OwnMethods>(new URL('./fixtures/own-methods.mjs', import.meta.url));
    const client = new own.Client();
    expect(Object.keys(client)).toEqual(['base', 'calls', 'fetch', 'size', 'pages', 'describe']);
    expect(client.fetch('/a')).toBe('https://example.test/a');
    expect(await client.fetch.async('/b')).toBe('https://example.test/b');
    expect(client.calls).toBe(2);
    expect(client.size('four')).toBe(4);
    expect([...client.pages(3)]).toEqual([1, 2, 3]);
    const { describe } = client;
    expect(describe()).toBe('client after 2 calls');
    expect(client.fetch.name).toBe('fetch');
    expect(client.fetch.length).toBe(1);
  });

  it('shares the accessors of own fields among the handles of one layout, and keeps layouts apart', () => {
    const own = sync.load<typeof OwnMethods>(new URL('./fixtures/own-methods.mjs', import.meta.url));
    const [a, b] = [new own.Client(), new own.Client()];
    // Shared functions: a handle costs tens of bytes, not a closure per field (kilobytes for a Stats).
    expect(Object.getOwnPropertyDescriptor(a, 'base')?.get).toBe(
      Object.getOwnPropertyDescriptor(b, 'base')?.get,
    );
    a.base = 'https://a.test';
    expect([a.base, b.base]).toEqual(['https://a.test', 'https://example.test']);
    // Instances with keys from data: each layout its own, past the number of layouts kept.
    for (let i = 0; i < 1100; i++) {
      const bag = new own.Bag({ [`key${i}`]: i, shared: true });
      expect(Object.keys(bag)).toEqual([`key${i}`, 'shared']);
      expect(bag[`key${i}`]).toBe(i);
    }
    expect(new own.Bag({ only: 1 }).keys()).toEqual(['only']);
  });

  it('closes a node:fs/promises FileHandle, whose close() is an own property', async () => {
    const fs = sync.load<typeof import('node:fs/promises')>('node:fs/promises');
    const file = fs.open(fileURLToPath(import.meta.url));
    expect(file.readFile('utf8').slice(0, 6)).toBe('import');
    file.close();
    expect(() => file.stat()).toThrow(/closed/);
  });

  it('keeps a method bound to its handle, so its async twin works detached', async () => {
    const counter = new api.Counter(0);
    const { increment } = counter;
    expect(increment(2)).toBe(2);
    expect(await increment.async(3)).toBe(5);
    expect(counter.increment.async(1).result()).toBe(6);
  });

  it('constructs without blocking through the class twin', async () => {
    const counter = await api.Counter.async(100);
    expect(counter.increment()).toBe(101);
  });

  it('calls static methods, which may return new handles', () => {
    const counter = api.Counter.create(7);
    expect(counter instanceof api.Counter).toBe(true);
    expect(counter.increment()).toBe(8);
  });

  it('passes handles back as arguments, resolved to the very worker object', () => {
    const a = new api.Counter(3);
    const b = new api.Counter(4);
    expect(a.same(a)).toBe(true);
    expect(a.same(b)).toBe(false);
    expect(a.add(b)).toBe(7);
    expect(a.add.async(b).result()).toBe(7);
  });

  it('returns one handle per worker object, so identity is preserved', () => {
    const counter = new api.Counter(0);
    expect(counter.self()).toBe(counter);
    const copy = counter.clone();
    expect(copy).not.toBe(counter);
    expect(copy.increment()).toBe(1);
  });

  it('iterates async generator methods and async-iterable objects synchronously', () => {
    const counter = new api.Counter(0);
    expect([...counter.upTo(3)]).toEqual([1, 2, 3]);
    const queue = new api.Queue(['x', 'y']);
    expect([...queue]).toEqual(['x', 'y']);
  });

  it('iterates async-iterable objects from async code', async () => {
    const queue = new api.Queue(['p', 'q']);
    const seen: string[] = [];
    for await (const item of queue) seen.push(item);
    expect(seen).toEqual(['p', 'q']);
  });

  it('maps Symbol.asyncDispose to Symbol.dispose, so `using` disposes on the worker', () => {
    {
      using resource = new api.Resource('first');
      expect(resource.read()).toBe('read first');
    }
    expect(api.disposedResources()).toContain('first');
  });

  it('disposes asynchronously with await using', async () => {
    {
      await using resource = new api.Resource('second');
      expect(await resource.read.async()).toBe('read second');
    }
    expect(api.disposedResources()).toContain('second');
  });

  it('refuses a disposed handle, locally and as an argument', () => {
    const resource = new api.Resource('third');
    resource[Symbol.dispose]();
    expect(() => resource.read()).toThrow(ClosedError);
    const counter = new api.Counter(0);
    counter[Symbol.dispose]();
    expect(() => counter.increment()).toThrow(/Counter#\d+ was disposed/);
    expect(() => new api.Counter(1).same(counter)).toThrow(ClosedError);
  });

  it('turns returned functions into callable handles', () => {
    const addTen = api.makeAdder(10);
    expect(addTen(5)).toBe(15);
    expect(addTen.async(1).result()).toBe(11);
  });

  it('refuses to call a class without new', () => {
    expect(() => (api.Counter as unknown as () => void)()).toThrow(/without 'new'/);
  });

  it('rejects handles of another synchronizer', async () => {
    const other = new Synchronizer();
    const otherApi = other.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
    const foreign = new otherApi.Counter(1);
    expect(() => new api.Counter(1).same(foreign)).toThrow(CloneError);
    expect(() => new api.Counter(1).same(foreign)).toThrow(/arguments\[0\] is a handle of another worker/);
    await other.close();
  });
});
