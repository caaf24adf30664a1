import { nodeBuiltin } from '../backends/node-builtin.js';
import { ModuleLoadError } from '../errors.js';
import { ownUrl } from '../own-url.js';

const nodeFs = nodeBuiltin<typeof import('node:fs')>('node:fs');
const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');

/** Where the worker resolves bare specifiers from: anysync's own files. */
const RESOLVED_FROM = ownUrl('./')?.href ?? "anysync's worker";

/** A specifier that names a package (or a file by mistake): no scheme, not a path. */
function isBare(href: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(href) && !href.startsWith('/');
}

/**
 * A load failure as the caller should read it. A bare specifier the worker could not find as a package
 * (`load('ok.mjs')`, meant as a file) gets a message naming the specifier, where bare specifiers are
 * resolved from, and what the file next to the caller would be, instead of Node's "Cannot find package"
 * with a path inside anysync.
 */
export function explainLoadFailure(error: unknown, href: string, caller: string | undefined): unknown {
  if (!(error instanceof ModuleLoadError) || !isBare(href)) return error;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND') return error;
  let hint = `If you meant a file, pass new URL('./${href}', import.meta.url)`;
  if (caller) {
    const candidate = new URL(`./${href}`, caller);
    hint += `: from ${caller} that is ${candidate.href}${exists(candidate) ? ' (which exists)' : ' (no such file either)'}`;
  }
  return new ModuleLoadError(
    `cannot load '${href}': a bare specifier names a package, which the worker resolves from where anysync ` +
      `is installed (${RESOLVED_FROM}), and no package '${href}' is found from there. ${hint}. For a package ` +
      `installed next to your code, pass import.meta.resolve('${href}').`,
    { cause: error.cause },
  );
}

function exists(url: URL): boolean {
  if (!nodeFs || !nodeUrl || url.protocol !== 'file:') return false;
  try {
    return nodeFs.statSync(nodeUrl.fileURLToPath(url)).isFile();
  } catch {
    return false;
  }
}

/**
 * A worker started from the source embedded in a bundle (anysync bundled into a tool) lives at a `data:`
 * URL, from which no package can be resolved: a bare specifier is refused before the worker tries.
 */
export function checkBareInBundle(href: string, workerUrl: URL): void {
  if (workerUrl.protocol !== 'data:' || !isBare(href) || href.startsWith('node:')) return;
  throw new ModuleLoadError(
    `cannot load '${href}': anysync runs bundled here, and its worker (started from the bundle) cannot ` +
      `resolve a package name. Pass the module's absolute URL: import.meta.resolve('${href}'), or new URL(…, import.meta.url) for a file shipped with the bundle.`,
  );
}
