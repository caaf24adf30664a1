import module from 'node:module';

/** Which Node API registers the twin hooks: `module.registerHooks` or `module.register`. */
export type HooksKind = 'registerHooks' | 'register';

const PRELOAD = /^(?:--import|--loader|--experimental-loader|--require|-r)(?:=(.*))?$/;

/**
 * `registerHooks` (Node 22.15 and later: in-thread, covers `require`) unless another loader is
 * preloaded (`tsx`, vitest's `execArgv`, …): Node rejects a CommonJS module whose source the other
 * loader's `module.register` hooks leave to Node when a `registerHooks` load hook runs around them (seen
 * on Node 22.23 and 24.9), so next to one the twins are served by `module.register` hooks, for `import`.
 * `ANYSYNC_HOOKS=register` or `=registerHooks` decides instead.
 */
export function hooksKind(
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
): HooksKind {
  const available = typeof (module as { registerHooks?: unknown }).registerHooks === 'function';
  const chosen = env.ANYSYNC_HOOKS;
  if (chosen === 'register') return 'register';
  if (chosen === 'registerHooks') {
    if (!available)
      throw new Error(
        `anysync: ANYSYNC_HOOKS=registerHooks, but Node ${process.version} has no module.registerHooks (22.15 or later)`,
      );
    return 'registerHooks';
  }
  if (chosen !== undefined && chosen !== '') {
    throw new RangeError(
      `anysync: ANYSYNC_HOOKS must be 'register' or 'registerHooks', got ${JSON.stringify(chosen)}`,
    );
  }
  if (!available) return 'register';
  const options = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
  const preloads: string[] = [];
  for (const [index, option] of options.entries()) {
    const match = PRELOAD.exec(option);
    if (match) preloads.push(match[1] ?? options[index + 1] ?? '');
  }
  const others = preloads.filter(
    (preload) =>
      !/(?:^|[\\/])@anysync[\\/]codegen[\\/]|register[\\/]index\.[jt]s$|^@anysync\/codegen\/register$/.test(
        preload,
      ),
  );
  return others.length === 0 ? 'registerHooks' : 'register';
}
