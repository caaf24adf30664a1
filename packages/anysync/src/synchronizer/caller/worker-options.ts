import { nodeBuiltin } from '../backends/node-builtin.js';
import { nativeTypeScript } from './module-specifier.js';
import { workerEntry } from './worker-entry.js';

/** Node's `process` where there is one (Node, Bun, Deno); browsers have none. */
const nodeProcess = (globalThis as { process?: NodeJS.Process }).process;

const PRELOAD_FLAGS = /^(?:--import|--require|-r|--loader|--experimental-loader)(?:=|$)/;

/**
 * The preload flags of this process's command line (`--import x`, `-r x`, `--loader=x`...), each with its
 * value: the module hooks a worker must inherit even when it is given an `execArgv` of its own. (Those of
 * `NODE_OPTIONS` reach every worker anyway.)
 */
export function preloadFlags(argv: readonly string[] = nodeProcess?.execArgv ?? []): string[] {
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (!PRELOAD_FLAGS.test(flag)) continue;
    if (flag.includes('=')) flags.push(flag);
    else if (i + 1 < argv.length) flags.push(flag, argv[++i] as string);
  }
  return flags;
}

/**
 * Yarn PnP's runtime and loader, when the process runs under PnP but neither came by flag (a program that
 * set PnP up itself): a worker without them cannot resolve a single package.
 */
function pnpFlags(effective: readonly string[]): string[] {
  if (!(nodeProcess?.versions as { pnp?: string } | undefined)?.pnp) return [];
  const Module = nodeBuiltin<typeof import('node:module')>('node:module');
  const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');
  const nodeFs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  let api: string;
  try {
    api = Module?.createRequire(nodeProcess?.cwd?.() ? `${nodeProcess.cwd()}/` : '/').resolve('pnpapi') ?? '';
  } catch {
    return [];
  }
  const present = [...effective, ...(nodeProcess?.env.NODE_OPTIONS?.split(/\s+/) ?? [])].join(' ');
  const flags: string[] = [];
  if (api && !present.includes(api)) flags.push('--require', api);
  const loader = api.replace(/\.cjs$/, '.loader.mjs');
  if (api && nodeFs?.existsSync(loader) && nodeUrl && !present.includes('.pnp.loader.mjs')) {
    flags.push('--experimental-loader', nodeUrl.pathToFileURL(loader).href);
  }
  return flags;
}

/**
 * The worker's `execArgv`. Left undefined when nothing is added, so Node's own inheritance applies. A
 * given `execArgv` keeps the process's preload flags (its loaders) unless it names them itself. When the
 * worker will run preloads, the fatal guard is preloaded first, so a failing preload is reported instead
 * of leaving the caller blocked; on Node versions where type stripping sits behind a flag, the flag is
 * added; under Yarn PnP, its runtime and loader are carried over when no flag brings them.
 */
export function workerExecArgv(given: readonly string[] | undefined): string[] | undefined {
  // No command line to inherit: the Web Worker backend refuses execArgv given explicitly.
  if (!nodeProcess?.execArgv) return given ? [...given] : undefined;
  const inherited = preloadFlags().filter((flag) => !given?.includes(flag));
  const base = given ? [...inherited, ...given] : undefined;
  const effective = base ?? nodeProcess.execArgv;
  const additions: string[] = [];
  if (nativeTypeScript() === 'flag' && !effective.includes('--experimental-strip-types')) {
    additions.push('--experimental-strip-types');
  }
  additions.push(...pnpFlags(effective));
  const preloads = [...additions, ...effective].some((flag) => PRELOAD_FLAGS.test(flag));
  if (preloads) additions.unshift('--import', workerEntry().guard);
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
