import { afterAll, describe, expect, it } from 'vitest';
import { Synchronizer, transfer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';

const sync = new Synchronizer({ timeout: 10_000 });
const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
afterAll(() => sync.close());

describe('transfer', () => {
  it('moves an argument buffer to the worker instead of copying it', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect(api.sum(transfer(bytes, [bytes.buffer]))).toEqual({ total: 10, detached: false });
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('takes a per-call transfer list through with()', () => {
    const bytes = new Uint8Array(1024).fill(1);
    expect(api.sum.with({ transfer: [bytes.buffer] })(bytes).total).toBe(1024);
    expect(bytes.byteLength).toBe(0);
  });

  it('copies when nothing is transferred', () => {
    const bytes = new Uint8Array([5, 5]);
    expect(api.sum(bytes).total).toBe(10);
    expect(bytes.byteLength).toBe(2);
  });

  it('moves a result buffer marked by the worker, blocking or not', async () => {
    const bytes = api.fill(2 * 1024 * 1024, 9);
    expect(bytes.length).toBe(2 * 1024 * 1024);
    expect(bytes[12345]).toBe(9);
    const later = await api.fill.async(10, 3);
    expect([...later]).toEqual(new Array(10).fill(3));
  });

  it('transfers with promise-returning calls', async () => {
    const bytes = new Uint8Array([7, 8]);
    expect(await api.sum.async(transfer(bytes, [bytes.buffer]))).toEqual({ total: 15, detached: false });
    expect(bytes.byteLength).toBe(0);
  });

  it('refuses to mark a primitive', () => {
    expect(() => transfer(1 as never, [])).toThrow(/needs an object/);
  });

  it('refuses a list postMessage would refuse, naming the entry and what to list instead', () => {
    const bytes = new Uint8Array(8);
    const shared = new SharedArrayBuffer(8);
    const cases: [unknown, string][] = [
      [
        'abc',
        "list must be an array of ArrayBuffers, MessagePorts or other transferable objects, got 'abc' (string)",
      ],
      [[{}], 'list[0] is an object, which cannot be transferred'],
      [
        [bytes.buffer, bytes],
        'list[1] is an instance of Uint8Array: a view is not transferable, list its .buffer',
      ],
      [[shared], 'list[0] is a SharedArrayBuffer, which is shared, never transferred'],
      [[bytes.buffer, bytes.buffer], 'list[1] is listed twice'],
      [[1], 'list[0] must be a transferable object (an ArrayBuffer, a MessagePort, a stream), got 1'],
    ];
    for (const [list, message] of cases) {
      expect(() => transfer(bytes, list as never)).toThrow(`transfer(value, list): ${message}`);
    }
    expect(() => api.sum.with({ transfer: [bytes as never] })).toThrow(
      'transfer[0] is an instance of Uint8Array',
    );
    // Nothing was marked or detached by a refused list.
    expect(api.sum(bytes).total).toBe(0);
    expect(bytes.byteLength).toBe(8);
  });
});
