import { isBuiltin } from 'node:module';
import { type ExportTarget, isRelative, type ModuleEntry } from '../mappings/mapping-table.js';
import { localExportColor } from './local-module-colors.js';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { TransformContext } from '../transform/transform-context.js';
import type { ChainStep } from './value-chain.js';
import type { Origin } from './value-origin.js';

/** Built-in exports that return promises even though their module is not a `…/promises` module. */
const PROMISING_BUILTINS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['util', new Set(['promisify'])],
  ['events', new Set(['once', 'on'])],
  ['fs', new Set(['promises'])],
  ['dns', new Set(['promises'])],
  ['stream', new Set(['promises'])],
  ['readline', new Set(['promises'])],
  ['timers', new Set(['promises'])],
]);

/**
 * What a value reached from an import is in the twin. `steps` are what the source does to the imported
 * binding; the first `inside` of them are written on the binding itself, where the mapping rules rewrite
 * them, the rest go through a local alias, which they do not.
 */
export function judgeImport(
  binding: ImportBinding,
  steps: readonly ChainStep[],
  inside: number,
  alias: string | undefined,
  context: TransformContext,
): Origin {
  if (binding.typeOnly || context.convertedModule(binding.specifier)) return { kind: 'sync' };
  // Behind an interop helper the module itself is at `.default` (`__importDefault(require('m')).default`).
  const first = steps[0];
  if (binding.interop !== undefined && first?.kind === 'member' && first.name === 'default')
    return judgeImport({ ...binding, interop: undefined }, steps.slice(1), inside - 1, alias, context);
  const entry = context.mappings.lookup(binding.specifier, context.fileName);
  const builtin = isBuiltin(binding.specifier);
  const byMember = binding.shape === 'namespace' || (binding.shape === 'default' && builtin);
  // Where the export's name is: the binding itself (-1), or the first member read on a namespace (0).
  const exportAt = byMember ? 0 : -1;
  const exportName = byMember ? memberAt(steps, 0) : binding.imported;
  const called = steps.some((step) => step.kind === 'call');
  const foreign = (kind: 'foreign' | 'unfollowed', names: readonly (string | undefined)[]): Origin => ({
    kind,
    module: binding.specifier,
    name: names.filter((name) => name !== undefined).join('.') || undefined,
    builtin,
    called,
    promising: isPromising(binding.specifier, names),
    listed: entry !== undefined,
    alias,
  });
  // For messages: the export and the members read from it (`promises.readFile`).
  const path = [exportName, ...memberNamesFrom(steps, exportAt + 1)];
  if (!entry) return unlistedOrigin();
  if (entry.same || entry.error) return { kind: 'sync' };
  if (exportName === undefined)
    return entry.module !== undefined ? { kind: 'sync' } : foreign('foreign', path);
  const fsPromises = fsPromisesEntry(entry, exportName, context);
  if (fsPromises) return judgeExport(fsPromises, memberAt(steps, exportAt + 1), exportAt + 1);
  return judgeExport(entry, exportName, exportAt);

  /** A module without a mapping: a file of the project is read for the export's color; others are foreign. */
  function unlistedOrigin(): Origin {
    if (!isRelative(binding.specifier) || exportName === undefined) return foreign('foreign', path);
    const color = localExportColor(binding.specifier, context.fileName, exportName);
    if (color === 'sync') return { kind: 'sync' };
    const origin = foreign('foreign', path);
    return color === 'async' && origin.kind === 'foreign' ? { ...origin, promising: true } : origin;
  }

  function judgeExport(module: ModuleEntry, name: string | undefined, at: number): Origin {
    if (name === undefined) return foreign('foreign', path);
    const target = module.exports.get(name);
    if (!target) {
      // A replaced module keeps its other names, aliases included; a strict one reports the import.
      return module.strict || module.module !== undefined ? { kind: 'sync' } : foreign('foreign', path);
    }
    if (at >= inside) return foreign('unfollowed', path);
    return judgeTarget(target, at);
  }

  function judgeTarget(target: ExportTarget, at: number): Origin {
    if (target.kind !== 'members') return { kind: 'sync' };
    const member = memberAt(steps, at + 1);
    if (member === undefined) return foreign('foreign', path);
    if (at + 1 >= inside) return foreign('unfollowed', path);
    const inner = target.members.get(member);
    // The members of an export are mapped strictly: a missing one is reported where it is read.
    return inner ? judgeTarget(inner, at + 1) : { kind: 'sync' };
  }
}

/** `promises` of `node:fs` is `node:fs/promises`, whose entry maps its members. */
function fsPromisesEntry(
  entry: ModuleEntry,
  exportName: string,
  context: TransformContext,
): ModuleEntry | undefined {
  if (entry.key !== 'node:fs' || exportName !== 'promises') return undefined;
  return context.mappings.lookup('node:fs/promises', context.fileName);
}

function memberAt(steps: readonly ChainStep[], index: number): string | undefined {
  const step = steps[index];
  return step?.kind === 'member' ? step.name : undefined;
}

/** The member names read from `index` on, up to the first call. */
function memberNamesFrom(steps: readonly ChainStep[], index: number): string[] {
  const names: string[] = [];
  for (const step of steps.slice(Math.max(index, 0))) {
    if (step.kind === 'call') break;
    names.push(step.name);
  }
  return names;
}

function isPromising(specifier: string, names: readonly (string | undefined)[]): boolean {
  const bare = specifier.replace(/^node:/, '');
  if (bare.endsWith('/promises')) return true;
  const promising = PROMISING_BUILTINS.get(bare);
  return promising !== undefined && names.some((name) => name !== undefined && promising.has(name));
}
