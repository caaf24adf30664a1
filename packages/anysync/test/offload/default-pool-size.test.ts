import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultPoolSize } from '../../src/offload/default-pool-size.js';

describe('defaultPoolSize', () => {
  it("is Node's available parallelism here", () => {
    expect(defaultPoolSize()).toBe(availableParallelism());
  });

  it('falls back to navigator.hardwareConcurrency where there is no node:os (browsers)', () => {
    expect(defaultPoolSize({ navigator: { hardwareConcurrency: 6 } })).toBe(6);
    expect(defaultPoolSize({ process: {}, navigator: { hardwareConcurrency: 3 } })).toBe(3);
  });

  it('is 4 when the runtime reports nothing usable', () => {
    expect(defaultPoolSize({})).toBe(4);
    expect(defaultPoolSize({ navigator: { hardwareConcurrency: 0 } })).toBe(4);
    expect(defaultPoolSize({ process: { getBuiltinModule: () => undefined } })).toBe(4);
  });
});
