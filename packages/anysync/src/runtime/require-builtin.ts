type Globals = { process?: { getBuiltinModule?: (id: string) => unknown } };

/**
 * A Node built-in (`node:fs`, `node:string_decoder`), reached through `process.getBuiltinModule` (Node,
 * Bun, Deno) so that browsers can load `anysync/runtime`: a static `import 'node:fs'` would fail there
 * before anything runs. Throws, naming the caller, where the runtime has no such module.
 */
export function requireBuiltin<T>(id: string, caller: string): T {
  const module = (globalThis as Globals).process?.getBuiltinModule?.(id) as T | undefined;
  if (module === undefined) {
    throw new Error(
      `${caller}: this runtime has no ${id} (looked up with process.getBuiltinModule); ` +
        'the sync file API runs on Node, Bun and Deno',
    );
  }
  return module;
}
