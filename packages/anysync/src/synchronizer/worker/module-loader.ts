import { nodeBuiltin } from '../backends/node-builtin.js';
import { ModuleLoadError } from '../errors.js';
import { registerLoader } from './register-loader.js';

type NodeModule = typeof import('node:module') & { _extensions?: Record<string, unknown> };

/**
 * Imports a module on the worker, first registering `loader` (once) when one is needed to read it, such as
 * tsx for TypeScript on Node versions without type stripping. A CommonJS TypeScript module (`.cts`, or
 * `.ts` in a package without `"type": "module"`) is required rather than imported when a `require` hook
 * for its extension is in place (ts-node, @swc-node/register, tsx's CommonJS API): Node's ES module
 * loader knows nothing of such hooks. So is one that Node's own type stripping reads: imported, it would
 * run under the ES module loader's stand-in for `require`, which cannot load an ES module (such as
 * `anysync/synckit`) that the file requires. Failures become a `ModuleLoadError` naming the module, with the
 * original error as `cause`.
 */
export async function loadModule(
  href: string,
  loader: string | undefined,
  attributes?: Record<string, string>,
): Promise<object> {
  if (loader) await registerLoader(loader, href);
  try {
    const required = requireTypeScript(href);
    if (required) return required;
    return (await (attributes ? import(href, { with: attributes }) : import(href))) as object;
  } catch (error) {
    throw new ModuleLoadError(explain(href, error), { cause: error });
  }
}

/** The namespace of a CommonJS TypeScript module loaded through a `require` hook, if that applies. */
function requireTypeScript(href: string): object | undefined {
  const extension = /\.([mc]?tsx?)$/.exec(href.split(/[?#]/)[0] ?? '')?.[0];
  if (!extension || extension.startsWith('.m') || !href.startsWith('file:')) return undefined;
  const Module = nodeBuiltin<NodeModule>('node:module');
  const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');
  // tsx reads .cts through its .ts hook; others (ts-node) leave .cts to their ES module loader.
  const hooked =
    Module?._extensions?.[extension] ??
    Module?._extensions?.['.ts'] ??
    (globalThis.process?.features as { typescript?: unknown } | undefined)?.typescript;
  if (!Module || !hooked || !nodeUrl) return undefined;
  const path = nodeUrl.fileURLToPath(href);
  if (extension !== '.cts' && packageType(path) === 'module') return undefined;
  let exports: unknown;
  try {
    exports = Module.createRequire(href)(path);
  } catch (error) {
    // The hook does not read this extension after all: the ES module loader (and its hooks) may.
    if (extension === '.cts' && error instanceof SyntaxError) return undefined;
    throw error;
  }
  // What import() makes of CommonJS: its exports as `default`, and their own names beside it.
  return typeof exports === 'object' && exports !== null
    ? { ...(exports as object), default: exports }
    : { default: exports };
}

/** The `type` of the nearest package.json above `path`. */
function packageType(path: string): string | undefined {
  const nodePath = nodeBuiltin<typeof import('node:path')>('node:path');
  const nodeFs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  if (!nodePath || !nodeFs) return undefined;
  for (let dir = nodePath.dirname(path); ; dir = nodePath.dirname(dir)) {
    try {
      return (
        JSON.parse(nodeFs.readFileSync(nodePath.join(dir, 'package.json'), 'utf8')) as { type?: string }
      ).type;
    } catch {}
    if (nodePath.dirname(dir) === dir) return undefined;
  }
}

function explain(href: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.[mc]?tsx?$/.test(new URL(href, 'file:///').pathname)) {
    return (
      `cannot load the TypeScript module ${href}: Node ${globalThis.process?.versions?.node} cannot run TypeScript here. ` +
      'Use Node >= 22.6 (type stripping), register a loader (`loader: "tsx"`, `node --import tsx`, ' +
      '`node -r ts-node/register`), or load the compiled JavaScript.'
    );
  }
  return `could not load ${href} on the synchronizer worker: ${error instanceof Error ? error.message : String(error)}`;
}
