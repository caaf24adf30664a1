import { describe, expectTypeOf, it } from 'vitest';
import { type Offloaded, type OffloadedFunction, WorkerPool } from 'anysync/offload';

interface Heavy {
  LIMIT: number;
  hash(data: Uint8Array, rounds?: number): string;
  load(path: string): Promise<Buffer>;
  lines(text: string): Generator<string, number, undefined>;
  events(): AsyncGenerator<{ at: number }, void, unknown>;
  fail(): never;
  Parser: new (source: string) => { parse(): unknown };
}

const heavy = await new WorkerPool().load<Heavy>('/heavy.js');

describe('Offloaded<M>', () => {
  it('turns sync functions into promise-returning ones', () => {
    expectTypeOf(heavy.hash).toEqualTypeOf<OffloadedFunction<[data: Uint8Array, rounds?: number], string>>();
    expectTypeOf(heavy.hash(new Uint8Array())).toEqualTypeOf<Promise<string>>();
    expectTypeOf(heavy.load('x')).toEqualTypeOf<Promise<Buffer>>();
    expectTypeOf(heavy.fail()).toEqualTypeOf<Promise<never>>();
    expectTypeOf(heavy.hash.with({ timeout: 1 })).toEqualTypeOf<typeof heavy.hash>();
  });

  it('turns sync and async generators into async generators', () => {
    expectTypeOf(heavy.lines('a\nb')).toEqualTypeOf<AsyncGenerator<string, number, undefined>>();
    expectTypeOf(heavy.events()).toEqualTypeOf<AsyncGenerator<{ at: number }, void, unknown>>();
  });

  it('keeps plain values and leaves classes out', () => {
    expectTypeOf(heavy.LIMIT).toEqualTypeOf<number>();
    expectTypeOf<keyof Offloaded<Heavy>>().toEqualTypeOf<
      'LIMIT' | 'hash' | 'load' | 'lines' | 'events' | 'fail'
    >();
  });
});
