import ts from 'typescript';
import type { Rule, Walker } from './rule.js';
import type { TransformContext } from './transform-context.js';

/**
 * Walks a tree once, depth first, offering each node to the rules registered for its kind; JSDoc
 * comments are walked too, since their type tags are rewritten like any other type.
 */
export function createWalker(rules: readonly Rule[], context: TransformContext): Walker {
  const byKind = new Map<ts.SyntaxKind, Rule[]>();
  for (const rule of rules) {
    for (const kind of rule.kinds) {
      const list = byKind.get(kind);
      if (list) list.push(rule);
      else byKind.set(kind, [rule]);
    }
  }
  const walker: Walker = {
    walk(node: ts.Node): void {
      visit(node);
    },
  };
  const silenced = context.hasIgnoredRanges;
  const visit = (node: ts.Node): void => {
    if (silenced && context.isIgnoredNode(node)) return;
    const interested = byKind.get(node.kind);
    if (interested) {
      for (const rule of interested) {
        if (rule.visit(node, context, walker) === 'skip-children') return;
      }
    }
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
    if (docs) for (const doc of docs) visit(doc);
    ts.forEachChild(node, visit);
  };
  return walker;
}
