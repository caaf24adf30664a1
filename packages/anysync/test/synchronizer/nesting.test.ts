import { describe, expect, it } from 'vitest';
import { DeadlockError, ModuleLoadError, Synchronizer } from '../../dist/synchronizer/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe('nested synchronizers', () => {
  it('let worker code load the module it runs in through a new synchronizer (its own worker)', {
    timeout: 20_000,
  }, async () => {
    const sync = new Synchronizer({ timeout: 10_000 });
    const self = sync.load<typeof import('./fixtures/self-loader.mjs')>(fixture('self-loader.mjs'));
    const { doubled, here, there } = self.loadMyself();
    expect(doubled).toBe(42);
    // Three threads: this one, the first worker, and the nested worker that served the inner call.
    expect(here).toBe(sync.threadId);
    expect(there).not.toBe(here);
    expect(there).toBeGreaterThan(0);
    await sync.close();
  });

  it('refuse a module whose top-level code loads itself (each nested worker would do it again)', {
    timeout: 20_000,
  }, async () => {
    const sync = new Synchronizer({ loadTimeout: 10_000 });
    let failure: unknown;
    try {
      sync.load(fixture('loads-itself-on-load.mjs'));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ModuleLoadError);
    const cause = (failure as Error).cause;
    expect(cause).toBeInstanceOf(DeadlockError);
    expect((cause as Error).message).toMatch(
      /loads-itself-on-load\.mjs\) was called while .* is itself being loaded/,
    );
    // The worker is still usable.
    expect(sync.load<typeof import('node:path')>('node:path').basename('/a/b')).toBe('b');
    await sync.close();
  });
});
