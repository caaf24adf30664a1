/**
 * Where anysync's own synchronizer files are. Bundlers, `data:` URL workers and browsers all change what
 * `import.meta.url` says, so every file that needs one of its siblings asks here, and code copes when the
 * answer is "nowhere": bundled into a tool, anysync starts its worker from the source embedded at build
 * time instead (`worker-entry.ts`).
 *
 * The paths are never written as `new URL('literal', import.meta.url)`: bundlers (webpack, Vite) take that
 * form for an asset and copy the one file, without the modules it imports.
 */
const HERE = typeof import.meta.url === 'string' ? import.meta.url : '';

/** anysync runs from its own files (its `dist/`, or `src/` under a test runner), not from a bundle. */
export const FROM_OWN_FILES =
  /\/synchronizer\/own-url\.[cm]?[jt]s$/.test(HERE) && /^(?:file|https?):/.test(HERE);

/** A file of the synchronizer, `relative` to its folder, when anysync runs from its own files. */
export function ownUrl(relative: string): URL | undefined {
  return FROM_OWN_FILES ? new URL(relative, HERE) : undefined;
}

/**
 * Prefixes of the URLs (and paths) of anysync's own code, for telling its stack frames from its callers':
 * its `dist/` and the `src/` that source-mapped stacks show; inside a bundle, only the bundle file itself.
 */
export function ownPrefixes(): string[] {
  if (!FROM_OWN_FILES) return /^(?:file|https?):/.test(HERE) ? [HERE] : [];
  return [new URL('../', HERE).href, new URL('../../src/', HERE).href];
}
