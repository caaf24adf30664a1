import ts from 'typescript';
import { type ExportTarget, type ModuleEntry, exportLabel, exportsPath } from '../mappings/mapping-table.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { membersEntry } from './import-plan.js';
import { rewriteNamespacePattern } from './namespace-pattern.js';

/** Members of namespace imports of mapped modules, once the first pass found such imports. */
export const namespaceMembers: Rule = {
  name: 'namespace-members',
  kinds: [ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.VariableDeclaration],
  isNeeded: (context) => context.namespaceEntries.size > 0,
  needles: (context) => context.namespaceEntries.keys(),
  visit(node, context) {
    if (ts.isVariableDeclaration(node)) rewriteNamespacePattern(node, context);
    else mapNamespaceMember(node as ts.PropertyAccessExpression, context);
  },
};

/**
 * `fsp.readFile` where `fsp` is a namespace of a mapped module becomes `fsp.readFileSync`;
 * `fs.promises.readFile` where `fs` is `node:fs` becomes `fs.readFileSync`, and so does any export whose
 * mapping lists its members (`lib.promises.lstat` → `lib.lstatSync`).
 */
export function mapNamespaceMember(access: ts.PropertyAccessExpression, context: TransformContext): void {
  const entry = namespaceEntryOf(access.expression, access, context);
  if (!entry) return;
  // `x.default.readFile` where `x = __importDefault(require('fs/promises'))`: the module is at `.default`.
  if (access.name.text === 'default' && ts.isIdentifier(access.expression)) {
    const binding = context.bindings.get(access.expression.text);
    const outer = access.parent;
    if (binding?.interop !== undefined) {
      if (ts.isPropertyAccessExpression(outer) && outer.expression === access)
        mapMember(outer, entry, entry.module, context);
      return;
    }
  }
  const nested = nestedEntry(entry, access.name.text, context);
  if (nested === undefined) {
    mapMember(access, entry, entry.module, context);
    return;
  }
  const outer = access.parent;
  if (!ts.isPropertyAccessExpression(outer) || outer.expression !== access) {
    if (nested.userMapped)
      context.report(
        'unmapped-import',
        access,
        `\`${access.name.text}\` from '${entry.label}' is used as a whole, but only its members are mapped`,
        `read its members where they are used (\`${access.getText(context.tree)}.name(…)\`)`,
      );
    return;
  }
  if (nested.entry.module !== entry.module) {
    context.report(
      'unmapped-import',
      outer,
      `the members of \`${access.name.text}\` map to module '${nested.entry.module}', not to the module this namespace import points at`,
      `import \`${access.name.text}\` by name instead of through the namespace`,
    );
    return;
  }
  context.edits.remove(access.expression.end, access.end);
  mapMember(outer, nested.entry, entry.module, context);
}

/**
 * The mapped entry of a namespace-like identifier (`import * as fsp`, `const fs = require('fs')`), resolved
 * from `site`, a node the walk has linked to its parents (the identifier itself may not be yet).
 */
export function namespaceEntryOf(
  expression: ts.Expression,
  site: ts.Node,
  context: TransformContext,
): ModuleEntry | undefined {
  if (context.namespaceEntries.size === 0 || !ts.isIdentifier(expression)) return undefined;
  const entry = context.namespaceEntries.get(expression.text);
  if (!entry || context.resolve(site, expression.text).kind !== 'top-level') return undefined;
  return entry;
}

/** An export of a namespace that is itself an object of mapped members (`fs.promises`), as an entry. */
export function nestedEntry(
  entry: ModuleEntry,
  name: string,
  context: TransformContext,
): { entry: ModuleEntry; userMapped: boolean } | undefined {
  if (entry.key === 'node:fs' && name === 'promises') {
    const promises = context.mappings.lookup('node:fs/promises', context.fileName);
    if (!promises) return undefined;
    context.mappings.markUsed(promises);
    return { entry: { ...promises, module: entry.module }, userMapped: false };
  }
  const target = entry.exports.get(name);
  if (target?.kind !== 'members') return undefined;
  context.mappings.markUsed(entry, name);
  return { entry: membersEntry(entry, name, target), userMapped: true };
}

/** What one member read of a mapped namespace becomes, with the reason when it cannot be mapped. */
export function memberTarget(
  entry: ModuleEntry,
  name: string,
  context: TransformContext,
): ExportTarget | { kind: 'strict-missing' } | undefined {
  const target = entry.exports.get(name);
  if (!target) return entry.strict ? { kind: 'strict-missing' } : undefined;
  context.mappings.markUsed(entry, name);
  return target;
}

function mapMember(
  access: ts.PropertyAccessExpression,
  entry: ModuleEntry,
  namespaceModule: string | undefined,
  context: TransformContext,
): void {
  const name = access.name;
  const target = memberTarget(entry, name.text, context);
  if (!target || target.kind === 'same') return;
  if (target.kind === 'strict-missing') {
    context.report(
      'unmapped-import',
      name,
      `\`${exportLabel(entry, name.text)}\` from '${entry.label}' has no sync mapping`,
      `add it to \`${exportsPath(entry)}\``,
    );
    return;
  }
  if (target.kind === 'error') {
    context.report('no-sync-meaning', access, target.message, target.suggestion);
    return;
  }
  if (target.kind === 'members') {
    context.report(
      'unmapped-import',
      access,
      `\`${name.text}\` from '${entry.label}' is an object of mapped members inside another; only one level is mapped`,
      'import the inner object by name and map its members there',
    );
    return;
  }
  if (target.module !== undefined && target.module !== namespaceModule) {
    context.report(
      'unmapped-import',
      access,
      `\`${name.text}\` maps to module '${target.module}', not to the module this namespace import now points at`,
      `import \`${name.text}\` by name instead of through the namespace`,
    );
    return;
  }
  if (target.name !== undefined && target.name !== name.text) {
    context.edits.replace(context.start(name), name.end, target.name);
  }
}
