import module from 'node:module';
import { TwinProject, type TwinProjectOptions } from '../build/twin-project.js';
import { type HooksKind, hooksKind } from './hooks-kind.js';
import { TwinLoader } from './twin-loader.js';

interface SyncHooks {
  resolve(
    specifier: string,
    context: { parentURL?: string },
    next: (s: string, c: unknown) => unknown,
  ): unknown;
  load(url: string, context: unknown, next: (u: string, c: unknown) => unknown): unknown;
}

type RegisterHooks = (hooks: SyncHooks) => unknown;

/**
 * Registers the module hooks that serve twins (see {@link hooksKind} for which API): `registerHooks`
 * runs them in the importing thread, for `import` and `require`; `register` in a thread of their own,
 * for `import`. The config is loaded before it returns, so that a wrong config fails at startup.
 */
export async function registerTwinHooks(
  options: TwinProjectOptions,
  kind: HooksKind = hooksKind(),
): Promise<HooksKind> {
  const project = new TwinProject(options);
  await project.refresh();
  const registerHooks = (module as { registerHooks?: RegisterHooks }).registerHooks;
  if (kind === 'registerHooks' && typeof registerHooks === 'function') {
    const loader = new TwinLoader(project);
    registerHooks({
      resolve(specifier, context, next) {
        const url = loader.resolve(specifier, context.parentURL);
        if (url !== undefined) return { url, shortCircuit: true };
        try {
          return next(specifier, context);
        } catch (error) {
          const retry = loader.refresh() ? loader.resolve(specifier, context.parentURL) : undefined;
          if (retry === undefined) throw error;
          return { url: retry, shortCircuit: true };
        }
      },
      load(url, context, next) {
        const twin = loader.load(url);
        return twin === undefined ? next(url, context) : { ...twin, shortCircuit: true };
      },
    });
    return 'registerHooks';
  }
  module.register(new URL('./async-hooks.js', import.meta.url), { data: options });
  return 'register';
}
