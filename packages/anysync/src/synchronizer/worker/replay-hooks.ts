import { nodeBuiltin } from '../backends/node-builtin.js';
import type { HookRecord } from '../protocol.js';

/**
 * Registers on this worker the module hooks its caller registered at run time (see the caller's
 * `module-hooks.ts`), before any module is loaded. A hook that fails to register fails the worker's start
 * with an error naming it, which the caller's first call reports.
 */
export async function replayHooks(hooks: readonly HookRecord[] | undefined): Promise<void> {
  if (!hooks || hooks.length === 0) return;
  const Module = nodeBuiltin<typeof import('node:module')>('node:module');
  for (const hook of hooks) {
    try {
      if (hook.kind === 'import') await import(hook.url);
      else Module?.register(hook.specifier, hook.parentURL, { data: hook.data });
    } catch (error) {
      const what =
        hook.kind === 'import'
          ? `the module ${hook.url}, which called registerHooks()`
          : `register('${hook.specifier}')`;
      throw new Error(`registering the caller's module hooks on the worker failed: ${what}`, {
        cause: error,
      });
    }
  }
}
