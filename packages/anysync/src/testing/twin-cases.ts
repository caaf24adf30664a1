import { currentRuntime } from '../runtime/current-runtime.js';
import { type AsyncViewOptions, asyncView } from './async-view.js';
import { checkTwin, checkTwinCasesOptions } from './check-twin-options.js';

/** The two colors of a library: its async twin and its generated sync twin. */
export type Color = 'async' | 'sync';

/**
 * One way to run a test body: a color, and a backend when the test asks for several.
 *
 * @example
 * ```ts
 * import type { TwinCase } from 'anysync/testing';
 * import * as asyncTwin from './src/async/index.js';
 *
 * function describeCase(testCase: TwinCase<typeof asyncTwin, string>): string {
 *   return `${testCase.color} on ${testCase.backend}`;
 * }
 * ```
 */
export interface TwinCase<Api, Backend = undefined> {
  /** What the report shows: `async twin`, `sync twin on threads`, `sync twin (skipped: …)`. */
  readonly name: string;
  readonly color: Color;
  /** `color === 'async'`, for the rare test that must tell (the `IS_ASYNC` of tests). */
  readonly isAsync: boolean;
  /** The library: the async twin itself, or the sync twin seen through the async API ({@link asyncView}). */
  readonly api: Api;
  /** The backend of this run (`undefined` when the test asked for none). */
  readonly backend: Backend;
  /** Why this case cannot run here (the runtime lacks what it needs), or `undefined`. */
  readonly skip: string | undefined;
}

/**
 * Options of {@link twinCases}.
 *
 * @example
 * ```ts
 * import type { TwinCasesOptions } from 'anysync/testing';
 *
 * const options: TwinCasesOptions<string> = {
 *   backends: { async: ['timers', 'web'], sync: ['threads'] },
 *   syncNeedsBlocking: true,
 * };
 * ```
 */
export interface TwinCasesOptions<Backend> extends AsyncViewOptions {
  /** Backends to run each color against: one list for both colors, or one per color. */
  readonly backends?: readonly Backend[] | Readonly<Record<Color, readonly Backend[]>> | undefined;
  /** Only these colors (default both). */
  readonly colors?: readonly Color[] | undefined;
  /**
   * The sync twin blocks the thread (`sleepSync`, a Synchronizer): where the thread may not block (a
   * browser's main thread) its cases are skipped with that reason.
   */
  readonly syncNeedsBlocking?: boolean | undefined;
  /** Any other reason a case cannot run here; return it to skip the case, `undefined` to run it. */
  readonly skip?: ((testCase: { color: Color; backend: Backend }) => string | undefined) | undefined;
}

/**
 * The counterpart of AnyIO's pytest plugin: the cases to run one test body against both twins of a library
 * and, where asked, against several backends. Feed them to your runner's table form
 * (`describe.each(cases)('$name', …)` in vitest or Jest, a loop over `test()` in `node:test`, Bun or Deno).
 * The body is written once against the async API, and the sync twin is adapted to it
 * ({@link asyncView}), so `await` works with both. A case the runtime cannot run carries a `skip` reason,
 * also shown in its name.
 *
 * @example
 * ```ts
 * import { twinCases } from 'anysync/testing';
 * import { describe, expect, it } from 'vitest';
 * import * as asyncTwin from '../src/async/index.js';
 * import * as syncTwin from '../src/sync/index.js';
 *
 * describe.each(twinCases({ async: asyncTwin, sync: syncTwin }))('$name', ({ api, skip }) => {
 *   it.skipIf(skip)('finds the config', async () => {
 *     expect(await api.loadConfigAsync('tool', '/repo')).toBeDefined();
 *   });
 * });
 * ```
 */
export function twinCases<Api extends object, const Backend = undefined>(
  twins: { readonly async: Api; readonly sync: object },
  options: TwinCasesOptions<Backend> = {},
): TwinCase<Api, Backend>[] {
  checkTwin(twins, 'twinCases(): twins');
  checkTwin(twins.async, 'twinCases(): twins.async');
  checkTwin(twins.sync, 'twinCases(): twins.sync');
  checkTwinCasesOptions(options);
  const colors = options.colors ?? (['async', 'sync'] as const);
  let syncApi: Api | undefined;
  return colors.flatMap((color) => {
    const backends = backendsOf(options.backends, color);
    return backends.map((backend) => {
      const skip = skipReason(color, backend, options);
      const named = backends.length > 1 || backend !== undefined ? ` on ${String(backend)}` : '';
      return {
        name: `${color} twin${named}${skip === undefined ? '' : ` (skipped: ${skip})`}`,
        color,
        isAsync: color === 'async',
        get api(): Api {
          if (color === 'async') return twins.async;
          syncApi ??= asyncView(twins.sync, twins.async, options);
          return syncApi;
        },
        backend: backend as Backend,
        skip,
      };
    });
  });
}

function backendsOf<Backend>(
  backends: TwinCasesOptions<Backend>['backends'],
  color: Color,
): readonly (Backend | undefined)[] {
  if (backends === undefined) return [undefined];
  if (Array.isArray(backends)) return backends as readonly Backend[];
  return (backends as Readonly<Record<Color, readonly Backend[]>>)[color];
}

function skipReason<Backend>(
  color: Color,
  backend: Backend | undefined,
  options: TwinCasesOptions<Backend>,
): string | undefined {
  if (color === 'sync' && options.syncNeedsBlocking) {
    const runtime = currentRuntime();
    if (!runtime.canBlock) {
      return `${runtime.name}'s ${runtime.thread} thread may not block${runtime.sharedMemory ? '' : ' (no SharedArrayBuffer)'}`;
    }
  }
  return options.skip?.({ color, backend: backend as Backend });
}
