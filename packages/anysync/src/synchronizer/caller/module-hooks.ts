import { nodeBuiltin } from '../backends/node-builtin.js';
import { moduleOfCaller } from '../module-of-caller.js';
import type { HookRecord } from '../protocol.js';

type NodeModule = typeof import('node:module') & {
  registerHooks?: (...args: unknown[]) => unknown;
  syncBuiltinESMExports?: () => void;
};

/**
 * Module hooks this process registered at run time, to register again on every worker it starts: Node
 * gives a worker the hooks of its `--import`/`--loader` flags, but not those registered later with
 * `module.register()` or `module.registerHooks()`, and offers no way to list them. So the first import of
 * the synchronizer wraps both functions (in `node:module` and its ES module exports) to record each call:
 * `register(specifier, parentURL, { data })` is repeated on the worker as it was made; for
 * `registerHooks()`, whose hooks are functions that cannot cross, the module that called it is imported on
 * the worker, which calls it again there. Hooks registered before anysync was first imported are not seen.
 */
const KEY = Symbol.for('anysync.synchronizer.moduleHooks');

/** The records, on a global so that every copy of anysync in the process shares one wrapper and one list. */
function shared(): HookRecord[] | undefined {
  return (globalThis as Record<symbol, HookRecord[] | undefined>)[KEY];
}

/** What the workers started from now on register before loading anything. */
export function recordedHooks(): readonly HookRecord[] {
  return shared() ?? [];
}

/** Starts recording, once per thread. */
export function recordModuleHooks(): void {
  if (shared()) return;
  const records: HookRecord[] = [];
  (globalThis as Record<symbol, unknown>)[KEY] = records;
  const Module = nodeBuiltin<NodeModule>('node:module');
  if (!Module || typeof Module.register !== 'function') return;
  try {
    wrap(Module, records);
    Module.syncBuiltinESMExports?.();
  } catch {
    // A runtime whose node:module cannot be changed (frozen): its hooks, if any, are not recorded.
  }
}

function wrap(Module: NodeModule, records: HookRecord[]): void {
  const register = Module.register as (...args: unknown[]) => unknown;
  (Module as { register: unknown }).register = function (this: unknown, ...args: unknown[]) {
    const result = Reflect.apply(register, this, args);
    const record = registerRecord(args);
    if (record) records.push(record);
    return result;
  };
  const registerHooks = Module.registerHooks;
  if (typeof registerHooks === 'function') {
    (Module as { registerHooks: unknown }).registerHooks = function (this: unknown, ...args: unknown[]) {
      const result = Reflect.apply(registerHooks, this, args);
      const url = moduleOfCaller();
      if (
        url &&
        url !== mainModule() &&
        !records.some((record) => record.kind === 'import' && record.url === url)
      ) {
        records.push({ kind: 'import', url });
      }
      return result;
    };
  }
}

/**
 * The process's entry module: importing it on the worker would run the whole program again, so hooks it
 * registers itself are not repeated there (register them from a module of their own).
 */
function mainModule(): string | undefined {
  const entry = globalThis.process?.argv?.[1];
  const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');
  return entry && nodeUrl ? nodeUrl.pathToFileURL(entry).href : undefined;
}

/** `register(specifier, parentURL?, options?)` or `register(specifier, { parentURL, data })`, as cloneable data. */
function registerRecord(args: unknown[]): HookRecord | undefined {
  const [specifier, second, third] = args;
  const specifierText = specifier instanceof URL ? specifier.href : specifier;
  if (typeof specifierText !== 'string') return undefined;
  const options = (
    typeof second === 'object' && second !== null && !(second instanceof URL) ? second : third
  ) as { parentURL?: unknown; data?: unknown; transferList?: unknown[] } | undefined;
  const parent = typeof second === 'string' || second instanceof URL ? second : options?.parentURL;
  const parentURL =
    parent instanceof URL ? parent.href : typeof parent === 'string' ? parent : moduleOfCaller();
  // Data sent with transferred ports belongs to the hooks registered here; the worker's copy goes without.
  const data = options?.transferList?.length ? undefined : options?.data;
  try {
    structuredClone(data);
    return { kind: 'register', specifier: specifierText, parentURL, data };
  } catch {
    return { kind: 'register', specifier: specifierText, parentURL, data: undefined };
  }
}
