/**
 * The runtime keys anysync tells apart: the WinterCG runtime keys for server-side runtimes, plus
 * `browser` for a page or a web worker.
 */
export type RuntimeName =
  | 'node'
  | 'bun'
  | 'deno'
  | 'workerd'
  | 'edge-light'
  | 'fastly'
  | 'netlify'
  | 'browser'
  | 'unknown';

/** Every `RuntimeName`, to check a name given at run time. */
export const RUNTIME_NAMES: readonly RuntimeName[] = [
  'node',
  'bun',
  'deno',
  'workerd',
  'edge-light',
  'fastly',
  'netlify',
  'browser',
  'unknown',
];
