import ts from 'typescript';
import { isIdentifierNamed } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';

const stacksByFile = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * `stack.disposeAsync()` becomes `stack.dispose()` when `stack` holds an `AsyncDisposableStack` (the
 * type itself is renamed by the type rule). The rename is scoped to names the file declares with that
 * type or constructor, so an unrelated `disposeAsync` method is left alone.
 */
export const disposableStacks: Rule = {
  name: 'disposable-stacks',
  isNeeded: (context) => context.usesName('disposeAsync'),
  needles: () => ['disposeAsync'],
  kinds: [ts.SyntaxKind.PropertyAccessExpression],
  visit(node, context) {
    const access = node as ts.PropertyAccessExpression;
    if (!isIdentifierNamed(access.name, 'disposeAsync')) return;
    const holder = access.expression;
    const name = ts.isIdentifier(holder)
      ? holder.text
      : ts.isPropertyAccessExpression(holder) && holder.expression.kind === ts.SyntaxKind.ThisKeyword
        ? holder.name.text
        : undefined;
    const direct = ts.isNewExpression(holder) && isStackConstructor(holder.expression);
    if (!direct && (name === undefined || !stackNames(context).has(name))) return;
    context.edits.replace(context.start(access.name), access.name.end, 'dispose');
  },
};

function stackNames(context: TransformContext): Set<string> {
  let names = stacksByFile.get(context.tree);
  if (names) return names;
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) &&
      ts.isIdentifier(node.name)
    ) {
      const typed = node.type && ts.isTypeReferenceNode(node.type) && isStackConstructor(node.type.typeName);
      const init = node.initializer;
      const built = init && ts.isNewExpression(init) && isStackConstructor(init.expression);
      if (typed || built) found.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(context.tree);
  names = found;
  stacksByFile.set(context.tree, names);
  return names;
}

function isStackConstructor(node: ts.Node): boolean {
  return ts.isIdentifier(node) && node.text === 'AsyncDisposableStack';
}
