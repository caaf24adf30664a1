import { describe, expect, it } from 'vitest';
import { createBackendRegistry } from '../../src/runtime/backend-registry.js';

interface Greeter {
  greet(): string;
}

describe('createBackendRegistry()', () => {
  it('picks the loader of the current runtime and loads it once', async () => {
    let loads = 0;
    const registry = createBackendRegistry<Greeter>({
      node: async () => {
        loads += 1;
        return { greet: () => 'node' };
      },
      browser: () => ({ greet: () => 'browser' }),
    });
    expect(registry.selected).toBe('node');
    const [a, b] = await Promise.all([registry.get(), registry.get()]);
    expect(a.greet()).toBe('node');
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });

  it('falls back to default for a runtime without its own backend', () => {
    const registry = createBackendRegistry<Greeter>(
      { node: () => ({ greet: () => 'node' }), default: () => ({ greet: () => 'default' }) },
      { runtime: 'deno' },
    );
    expect(registry.selected).toBe('default');
    expect(registry.getSync().greet()).toBe('default');
  });

  it('names the runtime and the available backends when none fits', async () => {
    const registry = createBackendRegistry<Greeter>(
      { node: () => ({ greet: () => 'node' }) },
      { runtime: 'bun' },
    );
    await expect(registry.get()).rejects.toThrow(
      "no backend for runtime 'bun' (available: node); add one or a 'default'",
    );
  });

  it('refuses getSync() for a backend that loads asynchronously', () => {
    const registry = createBackendRegistry<Greeter>({ node: async () => ({ greet: () => 'node' }) });
    expect(() => registry.getSync()).toThrow(/loads asynchronously; use get\(\)/);
  });

  it('refuses loaders for runtimes it does not know and loaders that are not functions', () => {
    expect(() => createBackendRegistry({ nodejs: () => 1 } as never)).toThrow(
      new RangeError(
        "createBackendRegistry(): loaders: key must be one of node, bun, deno, workerd, edge-light, fastly, netlify, browser, unknown, default, got 'nodejs' (string)",
      ),
    );
    expect(() => createBackendRegistry({ node: './node.js' } as never)).toThrow(TypeError);
    expect(() => createBackendRegistry({}, { runtime: 'Node' as never })).toThrow(RangeError);
  });
});
