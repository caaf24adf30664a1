import ts from 'typescript';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { TransformContext } from '../transform/transform-context.js';
import type { ExportTarget, ModuleEntry } from '../mappings/mapping-table.js';

/** One binding as the twin imports it. */
export interface PlannedBinding {
  readonly binding: ImportBinding;
  /** The module it comes from in the twin (`undefined`: unchanged). */
  readonly module: string | undefined;
  /** The export it names in the twin (`'*'` for a namespace). */
  readonly imported: string;
  readonly local: string;
  /** The shape changes (a named `promises` import becomes a namespace import). */
  readonly reshaped: boolean;
}

/**
 * Decides, for every binding of one import of a mapped module, where it comes from in the twin, and
 * records the reference renames and namespace mappings that follow. Reports exports with no sync
 * counterpart. Returns `undefined` when the module has no entry.
 */
export function planImport(
  bindings: readonly ImportBinding[],
  context: TransformContext,
): PlannedBinding[] | undefined {
  const first = bindings[0];
  if (!first) return undefined;
  const entry = context.mappings.lookup(first.specifier, context.fileName);
  if (!entry || entry.same) {
    if (entry) context.mappings.markUsed(entry);
    return undefined;
  }
  if (entry.error) {
    context.mappings.markUsed(entry);
    context.report(
      'no-sync-meaning',
      first.specifierNode,
      `'${first.specifier}' has no sync counterpart: ${entry.error.message}`,
      entry.error.suggestion,
    );
    return undefined;
  }
  return bindings.map((binding) => planBinding(binding, entry, context));
}

function planBinding(binding: ImportBinding, entry: ModuleEntry, context: TransformContext): PlannedBinding {
  const unchanged = {
    binding,
    module: entry.module,
    imported: binding.imported,
    local: binding.local,
    reshaped: false,
  };
  if (entry.module !== undefined) context.mappings.markUsed(entry);
  if (binding.shape === 'namespace' || (binding.shape === 'default' && entry.key.startsWith('node:'))) {
    context.namespaceEntries.set(binding.local, entry);
    return unchanged;
  }
  if (entry.key === 'node:fs' && binding.imported === 'promises') {
    const promises = context.mappings.lookup('node:fs/promises', context.fileName);
    if (promises) {
      context.namespaceEntries.set(binding.local, promises);
      context.reshapedNamespaces.add(binding.local);
      context.mappings.markUsed(promises);
      return { binding, module: promises.module, imported: '*', local: binding.local, reshaped: true };
    }
  }
  const target = entry.exports.get(binding.imported);
  if (target?.kind === 'error') {
    context.mappings.markUsed(entry, binding.imported);
    context.report('no-sync-meaning', binding.node, target.message, target.suggestion);
    return unchanged;
  }
  if (target?.kind === 'same') {
    context.mappings.markUsed(entry, binding.imported);
    return unchanged;
  }
  if (target?.kind === 'members') {
    // `import { promises } from 'x'` whose members map to exports of a module: the twin imports that
    // module as a namespace under the same local name, and each member read is mapped on it.
    context.mappings.markUsed(entry, binding.imported);
    const members = membersEntry(entry, binding.imported, target);
    context.namespaceEntries.set(binding.local, members);
    context.reshapedNamespaces.add(binding.local);
    return { binding, module: members.module, imported: '*', local: binding.local, reshaped: true };
  }
  if (!target) {
    if (entry.strict) {
      context.report(
        'unmapped-import',
        binding.node,
        `\`${binding.imported}\` from '${binding.specifier}' has no sync mapping`,
        `add one: \`mappings: { '${binding.specifier}': { exports: { ${binding.imported}: 'nameSync' } } }\``,
      );
    }
    return unchanged;
  }
  context.mappings.markUsed(entry, binding.imported);
  const imported = target.name ?? binding.imported;
  const module = target.module ?? entry.module;
  let local = binding.local;
  const renamesLocal = binding.declaration.kind !== ts.SyntaxKind.ExportDeclaration;
  if (
    renamesLocal &&
    binding.local === binding.imported &&
    imported !== binding.imported &&
    isFree(imported, context)
  ) {
    context.localRenames.set(binding.local, imported);
    local = imported;
  }
  // A default import now naming another export (`import x from 'm'` → `import { sync as x } from 'm'`)
  // changes shape: the declaration is written anew.
  const reshaped = binding.shape === 'default' && imported !== 'default' && !binding.commonJs;
  return { binding, module, imported, local, reshaped };
}

/**
 * The members of a mapped export as a module entry of their own, strict: a member the mapping does not
 * list would be read from the target module, where it means something else.
 */
export function membersEntry(
  parent: ModuleEntry,
  exportName: string,
  target: Extract<ExportTarget, { kind: 'members' }>,
): ModuleEntry {
  return {
    key: `${parent.key}#${exportName}`,
    label: parent.label,
    memberOf: exportName,
    fromUser: false,
    module: target.module ?? parent.module,
    exports: target.members,
    userExports: new Set(),
    strict: true,
    same: false,
    error: undefined,
  };
}

function isFree(name: string, context: TransformContext): boolean {
  return !context.scope.declaredIn(context.tree).has(name) && !context.bindings.has(name);
}
