import {
  canBlock,
  createBackendRegistry,
  currentRuntime,
  type RuntimeName,
  sleepSync,
} from 'anysync/runtime';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/runtime types', () => {
  it('sleepSync returns the type of its value', () => {
    expectTypeOf(sleepSync(1, 'x' as const)).toEqualTypeOf<'x'>();
    expectTypeOf(sleepSync(1)).toEqualTypeOf<void>();
  });

  it('describes the runtime', () => {
    expectTypeOf(currentRuntime().name).toEqualTypeOf<RuntimeName>();
    expectTypeOf(currentRuntime().thread).toEqualTypeOf<'main' | 'worker'>();
    expectTypeOf(canBlock()).toEqualTypeOf<boolean>();
  });

  it('types backends by their interface', () => {
    const registry = createBackendRegistry<{ now(): number }>({ default: () => ({ now: () => 0 }) });
    expectTypeOf(registry.get()).toEqualTypeOf<Promise<{ now(): number }>>();
    expectTypeOf(registry.getSync().now()).toEqualTypeOf<number>();
    // @ts-expect-error a loader must produce the interface
    createBackendRegistry<{ now(): number }>({ node: () => ({ later: () => 0 }) });
  });
});
