import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TransferListItem } from 'node:worker_threads';
import {
  checkBag,
  checkKnown,
  checkStringArray,
  checkTimeout,
  show,
} from '../synchronizer/caller/check-options.js';
import { hasInheritedHooks, nativeTypeScript } from '../synchronizer/caller/module-specifier.js';
import type { SynchronizerOptions } from '../synchronizer/caller/synchronizer-options.js';

/**
 * synckit's TypeScript runners, by the names synckit gives them, for code written as
 * `tsRunner: TsRunner.TSX`.
 *
 * @example
 * ```ts
 * import { createSyncFn, TsRunner } from 'anysync/synckit';
 *
 * const lint = createSyncFn(new URL('./worker.ts', import.meta.url), { tsRunner: TsRunner.TSX });
 * ```
 */
export const TsRunner = {
  /** Node's own type stripping (Node >= 22.6). */
  Node: 'node',
  Bun: 'bun',
  TsNode: 'ts-node',
  EsbuildRegister: 'esbuild-register',
  EsbuildRunner: 'esbuild-runner',
  OXC: 'oxc',
  SWC: 'swc',
  TSX: 'tsx',
} as const;

/** A synckit TypeScript runner: `'tsx'`, `'ts-node'`, `'swc'`, ... (see the `TsRunner` object). */
export type TsRunner = (typeof TsRunner)[keyof typeof TsRunner];

const TS_RUNNERS: readonly TsRunner[] = Object.values(TsRunner);

/**
 * synckit's options, as `createSyncFn` takes them.
 *
 * @example
 * ```ts
 * const options: SynckitOptions = { timeout: 5_000, tsRunner: 'tsx', execArgv: ['--no-warnings'] };
 * ```
 */
export interface SynckitOptions {
  /** Node options for the worker (synckit's `SYNCKIT_EXEC_ARGV`, comma-separated). */
  execArgv?: string[];
  /** Milliseconds a call may take (synckit's `SYNCKIT_TIMEOUT`); none by default. */
  timeout?: number;
  /**
   * Transferred to the worker when it starts, as synckit does: they are detached here, and (in synckit
   * too) not reachable by the worker function. To transfer per call, use the function's `.with({ transfer })`.
   */
  transferList?: TransferListItem[];
  /** The TypeScript runner for a `.ts` worker (synckit's `SYNCKIT_TS_RUNNER`). */
  tsRunner?: TsRunner;
  /** Not supported: import the polyfill at the top of the worker file instead. */
  globalShims?: never;
}

/** synckit's environment variables, read when the function is created. */
function fromEnvironment(env: NodeJS.ProcessEnv): SynckitOptions {
  const options: SynckitOptions = {};
  if (env.SYNCKIT_TIMEOUT) options.timeout = Number(env.SYNCKIT_TIMEOUT);
  if (env.SYNCKIT_EXEC_ARGV) options.execArgv = env.SYNCKIT_EXEC_ARGV.split(',').filter(Boolean);
  if (env.SYNCKIT_TS_RUNNER) options.tsRunner = env.SYNCKIT_TS_RUNNER as TsRunner;
  if (['1', 'true'].includes(env.SYNCKIT_GLOBAL_SHIMS ?? '')) {
    throw new TypeError(
      'SYNCKIT_GLOBAL_SHIMS is not supported by anysync/synckit: import the polyfills at the top of the worker file',
    );
  }
  return options;
}

/**
 * `createSyncFn`'s second argument (a timeout or options), checked, with synckit's environment variables
 * as defaults, turned into the options of the synchronizer behind the function.
 */
export function synchronizerOptions(
  timeoutOrOptions: unknown,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): { options: SynchronizerOptions; transferList: TransferListItem[] } {
  const isTypeScript = /\.[cm]?ts$/.test(file);
  const given =
    typeof timeoutOrOptions === 'number'
      ? { timeout: timeoutOrOptions }
      : checkBag(timeoutOrOptions, 'createSyncFn options');
  checkKnown(given, ['execArgv', 'timeout', 'transferList', 'tsRunner', 'globalShims'], 'synckit option');
  if (given.globalShims !== undefined && given.globalShims !== false) {
    throw new TypeError(
      'globalShims is not supported by anysync/synckit: import the polyfills at the top of the worker file',
    );
  }
  const merged = { ...fromEnvironment(env), ...given } as SynckitOptions;
  checkTimeout(merged.timeout, 'timeout');
  checkStringArray(merged.execArgv, 'execArgv');
  if (merged.transferList !== undefined && !Array.isArray(merged.transferList)) {
    throw new TypeError(`transferList must be an array, got ${show(merged.transferList)}`);
  }
  if (merged.tsRunner !== undefined && !TS_RUNNERS.includes(merged.tsRunner)) {
    throw new RangeError(`tsRunner must be one of ${TS_RUNNERS.join(', ')}, got ${show(merged.tsRunner)}`);
  }
  const runner = merged.tsRunner ?? (isTypeScript ? defaultRunner(file, merged.execArgv) : undefined);
  const options: SynchronizerOptions = { name: 'synckit' };
  if (merged.timeout !== undefined) options.timeout = merged.timeout;
  if (merged.execArgv !== undefined) options.execArgv = merged.execArgv;
  if (isTypeScript && runner && runner !== 'node' && runner !== 'bun') options.loader = runner;
  if (isTypeScript && runner === 'node') assertTypeStripping();
  return { options, transferList: merged.transferList ?? [] };
}

/**
 * synckit's runner for a TypeScript worker given none: Node's own type stripping where Node has it, else
 * ts-node when it is installed (found from the worker file or the working directory), unless a loader
 * is already given to the worker by the process's flags, hooks or the `execArgv` option.
 */
function defaultRunner(file: string, execArgv: string[] | undefined): TsRunner | undefined {
  if (nativeTypeScript() !== 'none' || hasInheritedHooks()) return undefined;
  if (
    execArgv?.some((flag) => /^(?:--import|--require|-r|--loader|--experimental-loader)(?:=|$)/.test(flag))
  ) {
    return undefined;
  }
  for (const from of [file, join(process.cwd(), 'package.json')]) {
    try {
      createRequire(from).resolve('ts-node');
      return 'ts-node';
    } catch {
      // Not installed there.
    }
  }
  return undefined;
}

/** `tsRunner: 'node'` needs Node's own type stripping, as synckit says. */
function assertTypeStripping(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 6)) {
    throw new Error(
      `tsRunner 'node' needs type stripping, which Node ${process.versions.node} lacks (it needs >= 22.6)`,
    );
  }
}
