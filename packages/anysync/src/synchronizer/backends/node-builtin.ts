/**
 * A Node built-in module (Bun and Deno provide them too) reached through `process.getBuiltinModule`, or
 * undefined where there is none (browsers). No static `import 'node:…'`: code that browsers load must not
 * name Node modules at the top level, or loading it fails before anything runs.
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  const g = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
  return g.process?.getBuiltinModule?.(id) as T | undefined;
}
