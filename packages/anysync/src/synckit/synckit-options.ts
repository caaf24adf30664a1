import type { TransferListItem } from 'node:worker_threads';
import {
  checkBag,
  checkKnown,
  checkStringArray,
  checkTimeout,
  show,
} from '../synchronizer/caller/check-options.js';
import type { SynchronizerOptions } from '../synchronizer/caller/synchronizer-options.js';

/** synckit's TypeScript runners. */
export type TsRunner =
  | 'node'
  | 'bun'
  | 'ts-node'
  | 'esbuild-register'
  | 'esbuild-runner'
  | 'oxc'
  | 'swc'
  | 'tsx';

const TS_RUNNERS: readonly TsRunner[] = [
  'node',
  'bun',
  'ts-node',
  'esbuild-register',
  'esbuild-runner',
  'oxc',
  'swc',
  'tsx',
];

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
  isTypeScript: boolean,
  env: NodeJS.ProcessEnv = process.env,
): { options: SynchronizerOptions; transferList: TransferListItem[] } {
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
  const runner = merged.tsRunner;
  if (runner !== undefined && !TS_RUNNERS.includes(runner)) {
    throw new RangeError(`tsRunner must be one of ${TS_RUNNERS.join(', ')}, got ${show(runner)}`);
  }
  const options: SynchronizerOptions = { name: 'synckit' };
  if (merged.timeout !== undefined) options.timeout = merged.timeout;
  if (merged.execArgv !== undefined) options.execArgv = merged.execArgv;
  if (isTypeScript && runner && runner !== 'node' && runner !== 'bun') options.loader = runner;
  if (isTypeScript && runner === 'node') assertTypeStripping();
  return { options, transferList: merged.transferList ?? [] };
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
