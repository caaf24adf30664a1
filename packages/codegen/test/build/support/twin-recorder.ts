import path from 'node:path';
import { TWIN_PATHS } from './fixture-library.js';

/** Whether `id` (a module id, maybe with a query) is one of the fixture's twins under `root`. */
export function isTwinOf(root: string, id: string): boolean {
  const file = id.replace(/[?#].*$/, '');
  return TWIN_PATHS.some((twin) => path.join(root, twin) === file);
}

/**
 * A Rollup-style plugin placed right after anysync: its `transform` sees each twin as the bundler
 * received it, before any TypeScript transform.
 */
export function twinRecorder(root: string, served: Map<string, string>) {
  return {
    name: 'record-twins',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (isTwinOf(root, id)) served.set(id.replace(/[?#].*$/, ''), code);
      return null;
    },
  };
}
