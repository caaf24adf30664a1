import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';

/** Where a name that is not an import gets its value, as far as syntax tells. */
export type LocalBinding =
  /** A variable: its initializer, and the member path a destructuring pattern takes from it. */
  | {
      readonly kind: 'variable';
      readonly declaration: ts.VariableDeclaration;
      readonly initializer: ts.Expression;
      readonly path: readonly string[];
      readonly constant: boolean;
    }
  /** A function, class or enum declared in the converted file: converted with it. */
  | { readonly kind: 'declared'; readonly node: ts.Node }
  /** A parameter, a loop or catch variable, a variable without initializer: its value is the caller's. */
  | { readonly kind: 'opaque' };

/**
 * What a name used at `site` is bound to, for names declared in this file (top level or local). `undefined`
 * for globals and imports. Parent pointers are set on the declaration it finds, so that its initializer
 * can be resolved in turn.
 */
export function localBinding(
  site: ts.Node,
  name: string,
  context: TransformContext,
): LocalBinding | undefined {
  const resolution = context.resolve(site, name);
  if (resolution.kind === 'global') return undefined;
  if (resolution.kind === 'top-level' && context.bindings.has(name)) return undefined;
  const scope = resolution.kind === 'local' ? resolution.scope : context.tree;
  return bindingIn(scope, name) ?? { kind: 'opaque' };
}

function bindingIn(scope: ts.Node, name: string): LocalBinding | undefined {
  const statements =
    ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)
      ? scope.statements
      : ts.isCaseBlock(scope)
        ? scope.clauses.flatMap((clause) => [...clause.statements])
        : [];
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      const list = statement.declarationList;
      for (const declaration of list.declarations) {
        const path = pathTo(declaration.name, name);
        if (path === undefined) continue;
        if (!declaration.initializer) return { kind: 'opaque' };
        link(scope, statement, list, declaration);
        return {
          kind: 'variable',
          declaration,
          initializer: declaration.initializer,
          path,
          constant: (list.flags & ts.NodeFlags.Const) !== 0,
        };
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name?.text === name
    ) {
      if (statement.parent === undefined) (statement as Mutable<ts.Node>).parent = scope;
      linkSubtree(statement);
      return { kind: 'declared', node: statement };
    }
  }
  return undefined;
}

/** The member path a binding pattern takes to `name` (`{ a: { b } }` → `['a', 'b']`), if it binds it. */
function pathTo(pattern: ts.BindingName, name: string): string[] | undefined {
  if (ts.isIdentifier(pattern)) return pattern.text === name ? [] : undefined;
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const inner = pathTo(element.name, name);
    if (inner === undefined) continue;
    if (element.dotDotDotToken) return ['...', ...inner];
    if (ts.isArrayBindingPattern(pattern)) return ['[]', ...inner];
    const key = element.propertyName ?? element.name;
    const keyName = ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : '[]';
    return [keyName, ...inner];
  }
  return undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Links a declaration to its scope and sets parents below it (the walk may not have been there yet). */
function link(scope: ts.Node, statement: ts.Node, list: ts.Node, declaration: ts.VariableDeclaration): void {
  // A statement the walk has been through already has its parent (a case clause's is the clause).
  if (statement.parent === undefined) (statement as Mutable<ts.Node>).parent = scope;
  (list as Mutable<ts.Node>).parent = statement;
  (declaration as Mutable<ts.Node>).parent = list;
  linkSubtree(declaration);
}

/** Sets the parent pointer of every node below `node` (whose own parent must already be set). */
export function linkSubtree(node: ts.Node): void {
  ts.forEachChild(node, (child) => {
    (child as Mutable<ts.Node>).parent = node;
    linkSubtree(child);
  });
}
