import { nativeTypeScript } from './module-specifier.js';

/** Node's `process` where there is one (Node, Bun, Deno); browsers have none. */
const nodeProcess = (globalThis as { process?: NodeJS.Process }).process;

const GUARD_PRELOAD = new URL('../worker/guard-preload.js', import.meta.url).href;
const PRELOAD_FLAGS = /^(?:--import|--require|-r|--loader|--experimental-loader)(?:=|$)/;

/**
 * The worker's `execArgv`. Left undefined when nothing is added, so Node's own inheritance applies. When
 * the worker will run preloads (given or inherited), the fatal guard is preloaded first, so a failing
 * preload is reported instead of leaving the caller blocked; on Node versions where type stripping sits
 * behind a flag, the flag is added.
 */
export function workerExecArgv(given: readonly string[] | undefined): string[] | undefined {
  const base = given ? [...given] : undefined;
  // No command line to inherit: the Web Worker backend refuses execArgv given explicitly.
  if (!nodeProcess?.execArgv) return base;
  const additions: string[] = [];
  const effective = base ?? nodeProcess.execArgv;
  if (nativeTypeScript() === 'flag' && !effective.includes('--experimental-strip-types')) {
    additions.push('--experimental-strip-types');
  }
  if (effective.some((flag) => PRELOAD_FLAGS.test(flag))) additions.unshift('--import', GUARD_PRELOAD);
  if (additions.length === 0) return base;
  return [...additions, ...effective];
}

/** The worker's environment: the process environment with `env` laid over it. */
export function workerEnv(
  env: Record<string, string | undefined> | undefined,
): Record<string, string> | undefined {
  if (!env) return undefined;
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...nodeProcess?.env, ...env })) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
