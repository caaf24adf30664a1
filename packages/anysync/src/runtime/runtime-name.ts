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
