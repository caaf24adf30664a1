import ts from 'typescript';
import { linkSubtree } from '../origin/local-binding.js';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { TransformContext } from '../transform/transform-context.js';
import { identifierRole } from './identifier-role.js';
import { removeStatementLines } from './statement-removal.js';

/**
 * After a rule replaced uses of an imported name (`promisify(fs.stat)` → `fs.statSync`), the import may
 * be left with no use in the twin: it is then renamed to `replacement` in place when one is given (the
 * twin needs that name from the same module), otherwise removed. Returns whether the import is still used.
 */
export function pruneReplacedImport(
  binding: ImportBinding,
  context: TransformContext,
  replacement?: string,
): boolean {
  if (remainingUses(binding, context) > 0) return true;
  const node = binding.node;
  if (replacement !== undefined) {
    if (ts.isImportSpecifier(node) || ts.isBindingElement(node)) {
      context.edits.replace(context.start(node), node.end, replacement);
      return false;
    }
    return true;
  }
  removeBinding(binding, context);
  return false;
}

function remainingUses(binding: ImportBinding, context: TransformContext): number {
  linkSubtree(context.tree);
  let uses = 0;
  const visit = (node: ts.Node): void => {
    if (node === binding.declaration) return;
    if (context.edits.isAbsorbed(context.start(node), node.end)) return;
    if (ts.isIdentifier(node) && node.text === binding.local) {
      const role = identifierRole(node);
      if (
        (role === 'reference' || role === 'shorthand') &&
        context.resolve(node, node.text).kind === 'top-level'
      )
        uses += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(context.tree);
  return uses;
}

function removeBinding(binding: ImportBinding, context: TransformContext): void {
  const node = binding.node;
  const siblings = ts.isImportSpecifier(node)
    ? node.parent.elements
    : ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)
      ? node.parent.elements
      : undefined;
  if (siblings === undefined || siblings.length === 1) {
    const clause = ts.isImportSpecifier(node) ? node.parent.parent : undefined;
    if (clause?.name && clause.namedBindings) {
      // `import util, { promisify } from 'node:util'` keeps `util`.
      context.edits.remove(clause.name.end, clause.namedBindings.end);
      return;
    }
    if (
      ts.isVariableStatement(binding.declaration) &&
      binding.declaration.declarationList.declarations.length > 1
    )
      return;
    removeStatementLines(binding.declaration, context);
    return;
  }
  const index = siblings.indexOf(node as ts.ImportSpecifier & ts.BindingElement);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) context.edits.remove(context.start(node), context.start(next));
  else if (previous) context.edits.remove(previous.end, node.end);
}
