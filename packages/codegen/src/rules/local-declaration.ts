import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';

/** Where a local name is declared: a variable (with its `const`/`let`/`var` list) or a parameter. */
export type LocalDeclaration =
  | {
      readonly kind: 'variable';
      readonly node: ts.VariableDeclaration;
      readonly constant: boolean;
      readonly scope: ts.Node;
    }
  | { readonly kind: 'parameter'; readonly node: ts.ParameterDeclaration; readonly scope: ts.Node };

/**
 * The declaration an identifier refers to, when it is a plain variable or parameter of the file (not a
 * destructured one): found in the scope the resolver names, without entering nested functions.
 */
export function localDeclarationOf(
  identifier: ts.Identifier,
  context: TransformContext,
): LocalDeclaration | undefined {
  const resolution = context.resolve(identifier, identifier.text);
  if (resolution.kind === 'global') return undefined;
  const scope = resolution.kind === 'local' ? resolution.scope : context.tree;
  const name = identifier.text;
  if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      if (ts.isIdentifier(parameter.name) && parameter.name.text === name)
        return { kind: 'parameter', node: parameter, scope };
    }
  }
  let found: LocalDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    // Linked (with their true parents) so that names inside the declaration can be resolved too.
    ts.forEachChild(node, (child) => {
      (child as { parent: ts.Node }).parent = node;
    });
    if (ts.isVariableDeclarationList(node)) {
      // Parent pointers are not set below the walk's path, so the list's flags are read from here.
      const constant = (node.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of node.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) {
          found = { kind: 'variable', node: declaration, constant, scope };
          linkParents(declaration);
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, (child) => {
    (child as { parent: ts.Node }).parent = scope;
    visit(child);
  });
  return found;
}

/** A reference to a name, with the node it sits in (parent pointers are not set off the walk's path). */
export interface Reference {
  readonly node: ts.Identifier;
  readonly parent: ts.Node;
}

/** Every identifier named `name` in `scope` (nested functions included), other than `except`. */
export function referencesIn(scope: ts.Node, name: string, except: ts.Node): Reference[] {
  const found: Reference[] = [];
  const visit =
    (parent: ts.Node) =>
    (node: ts.Node): void => {
      // Linked so that the scope resolver can climb from a reference (these are the true parents).
      (node as { parent: ts.Node }).parent = parent;
      if (ts.isIdentifier(node) && node.text === name && node !== except) found.push({ node, parent });
      ts.forEachChild(node, visit(node));
    };
  ts.forEachChild(scope, visit(scope));
  return found;
}

/**
 * Links a call's callee (whole) and its arguments (one level) to their parents, so that the names in them
 * resolve: the walk links only the path to the node it visits.
 */
export function linkCall(call: ts.CallExpression | ts.NewExpression): void {
  (call.expression as { parent: ts.Node }).parent = call;
  linkParents(call.expression);
  for (const argument of call.arguments ?? []) (argument as { parent: ts.Node }).parent = call;
}

/** Links a subtree's nodes to their parents. */
export function linkParents(node: ts.Node): void {
  ts.forEachChild(node, (child) => {
    (child as { parent: ts.Node }).parent = node;
    linkParents(child);
  });
}
