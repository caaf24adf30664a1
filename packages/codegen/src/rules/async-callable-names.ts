import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';

/**
 * The names a call to an async function of the converted sources can use in this file: async functions
 * and methods declared here (found from each `async` keyword, without walking the whole tree) and
 * imports of async functions from other converted files.
 */
export function asyncCallableNames(context: TransformContext): Set<string> {
  const names = new Set<string>();
  for (const binding of context.bindings.values()) {
    if (context.convertedModule(binding.specifier)?.asyncFunctions.has(binding.imported))
      names.add(binding.local);
  }
  const text = context.text;
  for (let at = text.indexOf('async'); at !== -1; at = text.indexOf('async', at + 5)) {
    const name = nameOfAsyncDeclarationAt(context.tree, at);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** The name of the function or method whose `async` modifier starts at `position`, if one does. */
function nameOfAsyncDeclarationAt(tree: ts.SourceFile, position: number): string | undefined {
  const path: ts.Node[] = [];
  let node: ts.Node | undefined = tree;
  while (node) {
    path.push(node);
    let next: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (next === undefined && child.pos <= position && position < child.end) next = child;
    });
    node = next;
  }
  const keyword = path[path.length - 1];
  if (keyword?.kind !== ts.SyntaxKind.AsyncKeyword) return undefined;
  const owner = path[path.length - 2];
  const holder = path[path.length - 3];
  if (!owner) return undefined;
  if (
    (ts.isFunctionDeclaration(owner) || ts.isMethodDeclaration(owner)) &&
    owner.name &&
    !ts.isComputedPropertyName(owner.name)
  ) {
    return ts.isStringLiteral(owner.name) || ts.isNumericLiteral(owner.name) ? undefined : owner.name.text;
  }
  if ((ts.isArrowFunction(owner) || ts.isFunctionExpression(owner)) && holder) {
    if ((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name))
      return holder.name.text;
  }
  return undefined;
}
