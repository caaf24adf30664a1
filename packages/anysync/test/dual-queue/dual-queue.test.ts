import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { TimeoutError } from '../../src/concurrency/timeout-error.js';
import { DualQueue } from '../../src/dual-queue/dual-queue.js';
import { ClosedResourceError } from '../../src/primitives/closed-resource-error.js';
import { EndOfStreamError } from '../../src/primitives/end-of-stream-error.js';

describe('DualQueue (one thread)', () => {
  it('is first in, first out, and clones values', async () => {
    const queue = new DualQueue<unknown>();
    const original = {
      when: new Date(0),
      tags: new Set(['a']),
      bytes: new Uint8Array([1, 2]),
      map: new Map([[1, 'x']]),
    };
    await queue.put('text');
    await queue.put(42);
    await queue.put(original);
    queue.putSync(null);
    expect(await queue.get()).toBe('text');
    expect(queue.getSync()).toBe(42);
    const copy = await queue.get();
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
    expect(queue.tryGet()).toEqual({ ok: true, value: null });
    expect(queue.tryGet()).toEqual({ ok: false });
    expect(queue.stats()).toMatchObject({ waitingGetters: 0, waitingPutters: 0 });
  });

  it('keeps cycles and errors through structured clone; refuses functions', async () => {
    const queue = new DualQueue<unknown>();
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    await queue.put(cyclic);
    const copy = (await queue.get()) as { self: unknown };
    expect(copy.self).toBe(copy);
    await queue.put(new RangeError('bad'));
    expect(await queue.get()).toMatchObject({ name: 'RangeError', message: 'bad' });
    await expect(queue.put(() => 1)).rejects.toThrow();
  });

  it('gives back exactly what structured clone would, whichever encoding it picks', async () => {
    const shared = new Map([['k', { deep: true }]]);
    let nested: unknown = 'bottom';
    for (let i = 0; i < 40; i++) nested = [nested];
    const sparse: unknown[] = [1];
    sparse[2] = 3; // index 1 is a hole
    const tagged = Object.assign([1, 2], { extra: 'kept' });
    const values = [
      shared,
      shared,
      -0,
      Number.NaN,
      [undefined, null],
      sparse,
      tagged,
      nested,
      { a: 1n },
      { d: new Date(5) },
    ];
    const queue = new DualQueue<unknown>();
    for (const value of values) await queue.put(value);
    for (const value of values) expect(await queue.get()).toStrictEqual(structuredClone(value));
  });

  it('is bounded by maxItems', async () => {
    const queue = new DualQueue<number>({ maxItems: 2 });
    expect(queue.tryPut(1)).toBe(true);
    expect(queue.tryPut(2)).toBe(true);
    expect(queue.tryPut(3)).toBe(false);
    const waiting = queue.put(3);
    let done = false;
    void waiting.then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(queue.stats().waitingPutters).toBe(1);
    expect(await queue.get()).toBe(1);
    await waiting;
    expect(queue.stats()).toMatchObject({ size: 2, waitingPutters: 0 });
  });

  it('is bounded by the bytes of its ring, and explains values that can never fit', async () => {
    const queue = new DualQueue<string>({ bytes: 32 });
    expect(queue.tryPut('x'.repeat(20))).toBe(true); // 5 header bytes + 20
    expect(queue.tryPut('y'.repeat(5))).toBe(false);
    expect(() => queue.tryPut('z'.repeat(40))).toThrow(
      "DualQueue.tryPut(): the value takes 45 bytes encoded, more than the queue's 32; create it with a larger { bytes }",
    );
  });

  it('wraps records around the ring correctly, whatever the sizes (model check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant(null as string | null)), {
          maxLength: 200,
        }),
        (ops) => {
          const queue = new DualQueue<string>({ bytes: 64 });
          const model: string[] = [];
          for (const op of ops) {
            if (op === null) {
              const result = queue.tryGet();
              if (model.length === 0) expect(result).toEqual({ ok: false });
              else expect(result).toEqual({ ok: true, value: model.shift() });
            } else if (queue.tryPut(op)) model.push(op);
            else
              expect(queue.stats().usedBytes + 5 + new TextEncoder().encode(op).length).toBeGreaterThan(64);
          }
          expect(queue.size).toBe(model.length);
        },
      ),
    );
  });

  it('wraps UTF-8 written in place around the ring, short and long, ASCII or not (model check)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 150 }),
      fc.string({ unit: 'grapheme', maxLength: 90 }),
      fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀'), maxLength: 120 }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.constant(null)), { maxLength: 150 }), (ops) => {
        const queue = new DualQueue<string>({ bytes: 384 });
        const model: string[] = [];
        for (const op of ops) {
          if (op === null) {
            const result = queue.tryGet();
            expect(result).toEqual(model.length === 0 ? { ok: false } : { ok: true, value: model.shift() });
          } else if (queue.tryPut(op)) model.push(op);
          else expect(queue.stats().usedBytes + 5 + new TextEncoder().encode(op).length).toBeGreaterThan(384);
        }
        const bytes = model.reduce((sum, value) => sum + 5 + new TextEncoder().encode(value).length, 0);
        expect(queue.stats()).toMatchObject({ size: model.length, usedBytes: bytes });
      }),
    );
  });

  it('keeps lone surrogates in strings, which UTF-8 would turn into U+FFFD', () => {
    const queue = new DualQueue<unknown>();
    const values = ['a\ud800b', '\udc00', { nested: 'x\udbff' }, '\ud83d\ude80 pair'];
    for (const value of values) queue.putSync(value);
    expect(values.map(() => queue.getSync())).toStrictEqual(values);
  });

  it('gives typed arrays memory of their own, not a view of the record or of a pool', () => {
    const queue = new DualQueue<unknown>();
    queue.putSync({ bytes: new Uint8Array([1, 2, 3]), text: Buffer.from('xy') });
    queue.putSync(new Uint16Array([7]));
    const { bytes, text } = queue.getSync() as { bytes: Uint8Array; text: Buffer };
    const wide = queue.getSync() as Uint16Array;
    expect(Buffer.isBuffer(text)).toBe(true);
    expect(text.toString()).toBe('xy');
    for (const [view, length] of [
      [bytes, 3],
      [text, 2],
      [wide, 2],
    ] as const) {
      expect(view.byteLength).toBe(length);
      expect(view.buffer.byteLength).toBe(length);
    }
  });

  it('a waiting get resumes on put; it can leave by signal or cancel scope', async () => {
    const queue = new DualQueue<string>();
    const waiting = queue.get();
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.stats().waitingGetters).toBe(1);
    await queue.put('hello');
    expect(await waiting).toBe('hello');

    const controller = new AbortController();
    const leaving = queue.get({ signal: controller.signal });
    controller.abort('bored');
    await expect(leaving).rejects.toBe('bored');
    expect(queue.stats().waitingGetters).toBe(0);
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(async () => {
      await expect(queue.get()).rejects.toBe(scope.cancelError);
    });
    await queue.put('still works');
    expect(queue.getSync()).toBe('still works');
  });

  it('blocking calls time out with TimeoutError', () => {
    const queue = new DualQueue<number>({ maxItems: 1 });
    expect(() => queue.getSync({ timeout: 5 })).toThrow(TimeoutError);
    expect(() => queue.getSync({ timeout: 5 })).toThrow(
      'DualQueue.getSync(): the queue stayed empty until the timeout',
    );
    queue.putSync(1);
    expect(() => queue.putSync(2, { timeout: 0 })).toThrow(
      'DualQueue.putSync(): the queue stayed full until the timeout',
    );
    expect(queue.stats()).toMatchObject({ waitingGetters: 0, waitingPutters: 0 });
  });

  it('close(): puts fail, gets drain then end, waiters wake, iteration ends', async () => {
    const queue = new DualQueue<number>();
    await queue.put(1);
    await queue.put(2);
    const consumer = (async () => {
      const seen: number[] = [];
      for await (const n of queue) seen.push(n);
      return seen;
    })();
    await new Promise((resolve) => setImmediate(resolve));
    queue.close();
    expect(await consumer).toEqual([1, 2]);
    expect(queue.closed).toBe(true);
    await expect(queue.put(3)).rejects.toBeInstanceOf(ClosedResourceError);
    expect(() => queue.tryPut(3)).toThrow('DualQueue.tryPut(): the queue is closed');
    await expect(queue.get()).rejects.toBeInstanceOf(EndOfStreamError);
    expect(() => queue.getSync()).toThrow('DualQueue.getSync(): the queue is closed and drained');
  });

  it('opens the same queue from its handle, and explains a bad handle', async () => {
    const queue = new DualQueue<string>({ maxItems: 7 });
    const same = DualQueue.from<string>(queue.handle);
    await queue.put('shared');
    expect(same.size).toBe(1);
    expect(await same.get()).toBe('shared');
    expect(same.stats().maxItems).toBe(7);
    expect(() => DualQueue.from({} as never)).toThrow(
      new TypeError(
        'DualQueue.from(): handle must be the `handle` of a DualQueue ({ control, data } SharedArrayBuffers), got an object',
      ),
    );
  });

  it('uses a custom codec on both ends', async () => {
    const codec = {
      encode: (value: unknown) => new TextEncoder().encode(JSON.stringify(value)),
      decode: (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown,
    };
    const queue = new DualQueue<{ a: number }>({ codec });
    await queue.put({ a: 1 });
    expect(await DualQueue.from<{ a: number }>(queue.handle, { codec }).get()).toEqual({ a: 1 });
  });

  it('explains bad options', () => {
    expect(() => new DualQueue({ bytes: 8 })).toThrow(
      'DualQueue: bytes must be an integer from 16 to 2^31 - 1, got 8',
    );
    expect(() => new DualQueue({ maxItems: 0 })).toThrow(
      'DualQueue: maxItems must be an integer >= 1 or Infinity, got 0',
    );
    expect(() => new DualQueue().getSync({ timeout: -1 })).toThrow(RangeError);
    expect(() => new DualQueue({ codec: JSON as never })).toThrow(
      'DualQueue: codec must be an object with encode and decode functions, or undefined, got an object',
    );
    expect(() => new DualQueue().put(1, { signal: 'x' as never })).toThrow(TypeError);
  });
});
