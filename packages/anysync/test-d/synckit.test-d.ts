import { describe, expectTypeOf, it } from 'vitest';
import type { Future } from 'anysync/synchronizer';
import { createSyncFn, extractProperties, runAsWorker, type SynckitOptions, TsRunner } from 'anysync/synckit';

describe('anysync/synckit', () => {
  it("createSyncFn's function has the worker function's parameters and awaited result", () => {
    const add = createSyncFn<(a: number, b: number) => Promise<number>>('/worker.js', { timeout: 5 });
    expectTypeOf(add(1, 2)).toEqualTypeOf<number>();
    expectTypeOf(add.async(1, 2)).toEqualTypeOf<Future<number>>();
    // @ts-expect-error: parameters come from the worker function
    add('1', 2);
    createSyncFn(new URL('file:///worker.js'), 1_000);
  });

  it('takes synckit options and no others', () => {
    const options: SynckitOptions = { execArgv: [], timeout: 1, transferList: [], tsRunner: 'tsx' };
    expectTypeOf(options).toMatchTypeOf<SynckitOptions>();
    // @ts-expect-error: an unknown runner
    createSyncFn('/w.js', { tsRunner: 'babel' });
  });

  it('runAsWorker takes any function', () => {
    runAsWorker(async (a: number) => a);
    runAsWorker((a: string) => a.length);
    // @ts-expect-error: not a function
    runAsWorker(1);
  });

  it('TsRunner is both the runner names and their type', () => {
    expectTypeOf(TsRunner.TSX).toEqualTypeOf<'tsx'>();
    const runner: TsRunner = TsRunner.SWC;
    createSyncFn('/w.ts', { tsRunner: runner });
    // @ts-expect-error: not a runner
    const wrong: TsRunner = 'babel';
    void wrong;
  });

  it('extractProperties keeps the type of an object, and may give undefined otherwise', () => {
    expectTypeOf(extractProperties({ code: 'E' })).toEqualTypeOf<{ code: string }>();
    expectTypeOf(extractProperties(undefined as { a: 1 } | undefined)).toEqualTypeOf<{ a: 1 } | undefined>();
  });
});
