import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import { isMemberDeclaration } from '../project/is-member-declaration.js';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { TransformContext } from '../transform/transform-context.js';
import { identifierRole } from './identifier-role.js';

/**
 * Names declared in the converted sources follow the naming convention (`AsyncClient` → `Client`,
 * `readAsync` → `read`), together with every reference to them, including from other converted files.
 * Names that come from anywhere else — globals, packages, files that are not converted — are never
 * touched, so `AsyncLocalStorage` stays as it is.
 */
export const declaredNames: Rule = {
  name: 'declared-names',
  isNeeded: (context) => context.renamedNames().size > 0 || context.localRenames.size > 0,
  needles: (context) => [...context.renamedNames(), ...context.localRenames.keys()],
  kinds: [ts.SyntaxKind.Identifier],
  visit(node, context) {
    const identifier = node as ts.Identifier;
    const name = identifier.text;
    const mapped = context.localRenames.get(name);
    const synced = context.names.syncName(name);
    if (synced === undefined && mapped === undefined) return;
    const replacement = newName(identifier, synced, mapped, context);
    if (replacement !== undefined && replacement !== name) {
      context.edits.replace(context.start(identifier), identifier.end, replacement);
    }
  },
};

function newName(
  identifier: ts.Identifier,
  synced: string | undefined,
  mapped: string | undefined,
  context: TransformContext,
): string | undefined {
  const name = identifier.text;
  switch (identifierRole(identifier)) {
    case 'member':
      return memberName(identifier, context);
    case 'declaration': {
      // `const { readAsync } = require('./lib')` binds an import: renamed only when `./lib` is converted.
      const required = requiredBinding(identifier, context);
      if (required) return context.convertedModule(required.specifier) ? synced : undefined;
      if (synced !== undefined) checkCollision(identifier, synced, context);
      return synced;
    }
    case 'import-alias':
      return synced;
    case 'import-name':
    case 'export-name':
      return moduleOf(identifier, context) === 'converted' ? synced : undefined;
    case 'shorthand': {
      // `{ fooAsync }` declares a member of the object literal as well as using the binding.
      const key = context.memberRename(name) ?? synced ?? name;
      if (key !== name) context.declaredMembers.add(name);
      const value = referenceName(identifier, synced, mapped, context) ?? name;
      return key === value ? value : `${key}: ${value}`;
    }
    case 'reference':
      return referenceName(identifier, synced, mapped, context);
    default:
      return undefined;
  }
}

/** The top-level `require` binding an identifier declares, if it declares one. */
function requiredBinding(identifier: ts.Identifier, context: TransformContext): ImportBinding | undefined {
  const binding = context.bindings.get(identifier.text);
  return binding?.commonJs && (binding.node === identifier.parent || binding.node === identifier)
    ? binding
    : undefined;
}

function referenceName(
  identifier: ts.Identifier,
  synced: string | undefined,
  mapped: string | undefined,
  context: TransformContext,
): string | undefined {
  const name = identifier.text;
  const resolution = context.resolve(identifier, name);
  if (resolution.kind === 'global') return undefined;
  if (resolution.kind === 'local') return synced;
  const binding = context.bindings.get(name);
  if (!binding) return synced;
  if (mapped !== undefined) return mapped;
  const aliased = binding.imported !== binding.local && binding.shape === 'named';
  if (aliased) return synced;
  return context.convertedModule(binding.specifier) ? synced : undefined;
}

function memberName(identifier: ts.Identifier, context: TransformContext): string | undefined {
  const parent = identifier.parent;
  const object = ts.isPropertyAccessExpression(parent)
    ? parent.expression
    : ts.isQualifiedName(parent)
      ? parent.left
      : undefined;
  if (object && ts.isIdentifier(object)) {
    // Resolved from the access: the walk links only the identifiers some rule wants, not `object`.
    const binding = context.importBinding(parent, object.text);
    if (binding && binding.shape !== 'named') {
      return context.convertedModule(binding.specifier) ? context.names.syncName(identifier.text) : undefined;
    }
  }
  const text = identifier.text;
  if (ts.isPropertyAccessExpression(parent) && isCommonJsExports(parent.expression, parent, context)) {
    // `exports.readAsync = …`, `module.exports.readAsync`: an export of this file, renamed like one.
    const renamed = context.names.syncName(text);
    if (renamed !== undefined) context.declaredMembers.add(text);
    return renamed;
  }
  const known = context.memberRename(text);
  if (isMemberDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    const renamed = known ?? context.names.syncName(text);
    if (renamed === undefined) return undefined;
    context.declaredMembers.add(text);
    if (isMemberDeclaration(parent)) checkMemberCollision(identifier, renamed, context);
    return renamed;
  }
  if (known !== undefined) return known;
  // Without project facts for this file, a member may be declared further down: decide at the end.
  const synced = context.names.syncName(text);
  if (synced !== undefined) deferMemberRename(identifier, synced, context);
  return undefined;
}

/** Whether an expression is this CommonJS module's `exports` or `module.exports` (not a local of that name). */
export function isCommonJsExports(
  expression: ts.Expression,
  site: ts.Node,
  context: TransformContext,
): boolean {
  if (!context.commonJs) return false;
  if (ts.isIdentifier(expression)) return expression.text === 'exports' && context.isGlobal(site, 'exports');
  return (
    ts.isPropertyAccessExpression(expression) &&
    expression.name.text === 'exports' &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'module' &&
    context.isGlobal(site, 'module')
  );
}

function deferMemberRename(identifier: ts.Identifier, synced: string, context: TransformContext): void {
  const start = context.start(identifier);
  context.finishers.push(() => {
    if (context.declaredMembers.has(identifier.text)) context.edits.replace(start, identifier.end, synced);
  });
}

function moduleOf(identifier: ts.Identifier, context: TransformContext): 'converted' | 'other' {
  let node: ts.Node = identifier;
  while (node && !ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) node = node.parent;
  const specifier = node?.moduleSpecifier;
  if (!specifier) return 'converted';
  if (!ts.isStringLiteral(specifier)) return 'other';
  return context.convertedModule(specifier.text) ? 'converted' : 'other';
}

function checkCollision(identifier: ts.Identifier, synced: string, context: TransformContext): void {
  const resolution = context.resolve(identifier, identifier.text);
  const scope =
    resolution.kind === 'local'
      ? resolution.scope
      : resolution.kind === 'top-level'
        ? context.tree
        : undefined;
  if (!scope) return;
  if (context.scope.declaredIn(scope).has(synced) && context.names.syncName(synced) === undefined) {
    context.report(
      'name-collision',
      identifier,
      `renaming \`${identifier.text}\` to \`${synced}\` collides with \`${synced}\`, declared in the same scope`,
      `rename one of them, or keep this name with \`names: { keep: ['${identifier.text}'] }\``,
    );
  }
}

function checkMemberCollision(identifier: ts.Identifier, renamed: string, context: TransformContext): void {
  const owner = identifier.parent.parent;
  const members: readonly ts.Node[] =
    ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner)
      ? owner.members
      : [];
  const clash = members.some((member) => {
    const memberName = (member as ts.NamedDeclaration).name;
    return memberName !== undefined && ts.isIdentifier(memberName) && memberName.text === renamed;
  });
  if (clash) {
    context.report(
      'name-collision',
      identifier,
      `renaming member \`${identifier.text}\` to \`${renamed}\` collides with member \`${renamed}\``,
      `rename one of them, or keep this name with \`names: { keep: ['${identifier.text}'] }\``,
    );
  }
}
