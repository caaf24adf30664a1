import ts from 'typescript';
import { type ModuleEntry, exportLabel, exportsPath } from '../mappings/mapping-table.js';
import type { TransformContext } from '../transform/transform-context.js';
import { memberTarget, namespaceEntryOf, nestedEntry } from './namespace-members.js';
import { skipParens } from '../transform/import-bindings.js';

/**
 * `const { lstat, stat: s } = fsp`, where `fsp` is a namespace of a mapped module (or `fs.promises`),
 * becomes `const { lstatSync: lstat, statSync: s } = fsp`: each property read follows the mapping as a
 * member access would. A rest element is reported (it would take the async functions along).
 */
export function rewriteNamespacePattern(
  declaration: ts.VariableDeclaration,
  context: TransformContext,
): void {
  const pattern = declaration.name;
  const init = declaration.initializer && skipParens(declaration.initializer);
  if (!ts.isObjectBindingPattern(pattern) || !init) return;
  const entry = patternSource(init, declaration, context);
  if (!entry) return;
  for (const element of pattern.elements) {
    if (!rewriteElement(element, entry, context)) return;
  }
  context.followedPatterns.add(declaration);
}

/** The mapped entry a destructured initializer reads from (and drops `.promises` from `fs.promises`). */
function patternSource(
  init: ts.Expression,
  site: ts.Node,
  context: TransformContext,
): ModuleEntry | undefined {
  const direct = namespaceEntryOf(init, site, context);
  if (direct) return direct;
  if (!ts.isPropertyAccessExpression(init)) return undefined;
  const outer = namespaceEntryOf(init.expression, site, context);
  if (!outer) return undefined;
  const nested = nestedEntry(outer, init.name.text, context);
  if (!nested || nested.entry.module !== outer.module) return undefined;
  context.edits.remove(init.expression.end, init.end);
  return nested.entry;
}

function rewriteElement(element: ts.BindingElement, entry: ModuleEntry, context: TransformContext): boolean {
  const key = element.propertyName ?? element.name;
  if (element.dotDotDotToken || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) {
    context.report(
      'unmapped-import',
      element,
      `a rest or computed property taken from '${entry.label}' cannot be mapped member by member`,
      'name each member you use',
    );
    return false;
  }
  const target = memberTarget(entry, key.text, context);
  if (!target || target.kind === 'same') return true;
  if (target.kind === 'strict-missing' || target.kind === 'members') {
    context.report(
      'unmapped-import',
      key,
      `\`${exportLabel(entry, key.text)}\` from '${entry.label}' has no sync mapping`,
      `add it to \`${exportsPath(entry)}\``,
    );
    return false;
  }
  if (target.kind === 'error') {
    context.report('no-sync-meaning', element, target.message, target.suggestion);
    return false;
  }
  if (target.module !== undefined && target.module !== entry.module) {
    context.report(
      'unmapped-import',
      element,
      `\`${key.text}\` maps to module '${target.module}', not to the module it is taken from here`,
      `import \`${key.text}\` by name instead`,
    );
    return false;
  }
  if (target.name === undefined || target.name === key.text) return true;
  if (element.propertyName) context.edits.replace(context.start(key), key.end, target.name);
  else context.edits.insert(context.start(key), `${target.name}: `);
  return true;
}
