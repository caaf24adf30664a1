import ts from 'typescript';
import type { ModuleEntry } from '../mappings/mapping-table.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';

/** Members of namespace imports of mapped modules, once the first pass found such imports. */
export const namespaceMembers: Rule = {
  name: 'namespace-members',
  kinds: [ts.SyntaxKind.PropertyAccessExpression],
  isNeeded: (context) => context.namespaceEntries.size > 0,
  needles: (context) => context.namespaceEntries.keys(),
  visit(node, context) {
    mapNamespaceMember(node as ts.PropertyAccessExpression, context);
  },
};

/**
 * `fsp.readFile` where `fsp` is a namespace of a mapped module becomes `fsp.readFileSync`;
 * `fs.promises.readFile` where `fs` is `node:fs` becomes `fs.readFileSync`.
 */
export function mapNamespaceMember(access: ts.PropertyAccessExpression, context: TransformContext): void {
  const object = access.expression;
  if (context.namespaceEntries.size === 0 || !ts.isIdentifier(object)) return;
  const entry = context.namespaceEntries.get(object.text);
  if (!entry || context.resolve(access, object.text).kind !== 'top-level') return;
  if (entry.key === 'node:fs' && access.name.text === 'promises') {
    const promises = context.mappings.lookup('node:fs/promises', context.fileName);
    const outer = access.parent;
    if (!promises || !ts.isPropertyAccessExpression(outer) || outer.expression !== access) return;
    context.mappings.markUsed(promises);
    context.edits.remove(access.expression.end, access.end);
    mapMember(outer, promises, entry.module, context);
    return;
  }
  mapMember(access, entry, entry.module, context);
}

function mapMember(
  access: ts.PropertyAccessExpression,
  entry: ModuleEntry,
  namespaceModule: string | undefined,
  context: TransformContext,
): void {
  const name = access.name;
  const target = entry.exports.get(name.text);
  if (!target) {
    if (entry.strict) {
      context.report(
        'unmapped-import',
        name,
        `\`${name.text}\` from '${entry.label}' has no sync mapping`,
        `add it to \`mappings['${entry.label}'].exports\``,
      );
    }
    return;
  }
  context.mappings.markUsed(entry, name.text);
  if (target.kind === 'error') {
    context.report('no-sync-meaning', access, target.message, target.suggestion);
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
