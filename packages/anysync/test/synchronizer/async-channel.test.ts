import { afterAll, describe, expect, it } from 'vitest';
import { Synchronizer } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';

const sync = new Synchronizer({ timeout: 10_000 });
const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
afterAll(() => sync.close());

describe('promise-returning calls take their values when they are made', () => {
  it('sends each call the arguments as they were at the call, though messages leave later together', async () => {
    const request: Record<string, unknown> = {};
    const calls: Promise<unknown>[] = [];
    for (const id of [1, 2, 3]) {
      request.id = id;
      calls.push(api.echo.async(request));
    }
    expect(await Promise.all(calls)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('does the same for arguments JSON cannot carry', async () => {
    const when = { at: new Date(0), count: 0 };
    const bytes = new Uint8Array([1]);
    const first = api.echo.async({ when, bytes });
    when.count = 1;
    when.at.setTime(5);
    bytes[0] = 9;
    const second = api.echo.async([undefined, -0]);
    expect(await first).toEqual({ when: { at: new Date(0), count: 0 }, bytes: new Uint8Array([1]) });
    expect(Object.is(((await second) as unknown[])[1], -0)).toBe(true);
  });

  it('keeps the order of calls whose arguments go at once and calls gathered with others', async () => {
    const order = await Promise.all([
      api.echo.async(1),
      api.echo.async({ at: new Date(2) }),
      api.echo.async({ n: 3 }),
      api.echo.async(4),
    ]);
    expect(order).toEqual([1, { at: new Date(2) }, { n: 3 }, 4]);
  });
});
