import {
  abortable,
  BackgroundTasks,
  type CancelledError,
  CancelScope,
  currentScope,
  currentSignal,
  Executor,
  failAfter,
  moveOnAfter,
  sleep,
  type TaskGroupStats,
  TaskGroup,
  TaskGroupError,
  withTaskGroup,
} from 'anysync/concurrency';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/concurrency types', () => {
  it('moveOnAfter may return undefined; failAfter returns the body type', async () => {
    expectTypeOf(moveOnAfter(1, async () => 1)).toEqualTypeOf<Promise<number | undefined>>();
    expectTypeOf(failAfter(1, async () => 'x')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(new CancelScope().run(() => true)).toEqualTypeOf<Promise<boolean | undefined>>();
    expectTypeOf(moveOnAfter).parameter(1).parameter(0).toEqualTypeOf<CancelScope>();
  });

  it('gives tasks their signal and types start() by its ready value', async () => {
    const group = new TaskGroup();
    group.spawn((signal) => expectTypeOf(signal).toEqualTypeOf<AbortSignal>());
    expectTypeOf(group.start<number>((ready) => ready(1))).toEqualTypeOf<Promise<number>>();
    // @ts-expect-error: ready() takes the declared type
    void group.start<number>((ready) => ready('port'));
    expectTypeOf(group.stats()).toEqualTypeOf<TaskGroupStats>();
    expectTypeOf(group).toMatchTypeOf<AsyncDisposable>();
    expectTypeOf(withTaskGroup(() => 'x')).toEqualTypeOf<Promise<string | undefined>>();
  });

  it('types results of background tasks and executors', () => {
    expectTypeOf(new BackgroundTasks().spawn(async () => 3)).toEqualTypeOf<Promise<number>>();
    const executor = new Executor({ maxConcurrency: 2 });
    expectTypeOf(executor.submit(() => 'a')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(executor.map([1, 2], async (n: number) => String(n))).toEqualTypeOf<
      AsyncGenerator<string, void, undefined>
    >();
    expectTypeOf(abortable(Promise.resolve(1n))).toEqualTypeOf<Promise<bigint>>();
  });

  it('exposes errors and ambient accessors', () => {
    expectTypeOf(new TaskGroupError([])).toMatchTypeOf<AggregateError>();
    expectTypeOf<CancelledError['reason']>().toEqualTypeOf<unknown>();
    expectTypeOf(currentScope()).toEqualTypeOf<CancelScope | undefined>();
    expectTypeOf(currentSignal()).toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf(sleep).parameter(1).toMatchTypeOf<{ signal?: AbortSignal } | undefined>();
  });
});
