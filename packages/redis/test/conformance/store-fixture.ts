import { afterAll, beforeAll } from 'vitest';

/** What a conformance suite is given: how to make the store under test, and how to clean up after. */
export interface StoreFixture<S> {
  readonly store: S;
  close(): Promise<void>;
}

/** The store of a suite, opened once before its tests and closed after; fresh names keep tests apart. */
export function useStore<S>(open: () => Promise<StoreFixture<S>>): {
  readonly store: S;
  name(label: string): string;
} {
  let fixture: StoreFixture<S> | undefined;
  let count = 0;
  const run = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    fixture = await open();
  });
  afterAll(async () => {
    await fixture?.close();
  });
  return {
    get store(): S {
      if (fixture === undefined) throw new Error('the store is not open yet');
      return fixture.store;
    },
    name: (label) => `${label}-${run}-${++count}`,
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
