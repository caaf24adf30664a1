import ts from 'typescript';
import { RULES } from '../rules/index.js';
import { rewriteReferencePaths } from '../rules/module-specifiers.js';
import type { TransformContext } from './transform-context.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TOP_LEVEL_RULES = RULES.filter((rule) => rule.phase === 'top-level');

/**
 * The first pass: imports, exports, requires and ambient modules are top-level statements (or
 * statements of `declare module` blocks), so their rules see only those, before the walk. What they find
 * (mapped imports, renamed locals, namespace imports) decides which other rules the file needs.
 */
export function runTopLevelRules(tree: ts.SourceFile, context: TransformContext): void {
  rewriteReferencePaths(tree, context);
  visitStatements(tree, tree.statements, context);
}

function visitStatements(
  parent: ts.Node,
  statements: readonly ts.Statement[],
  context: TransformContext,
): void {
  for (const statement of statements) {
    (statement as Mutable<ts.Node>).parent = parent;
    if (context.isIgnoredNode(statement)) continue;
    for (const rule of TOP_LEVEL_RULES) {
      if (rule.kinds.includes(statement.kind)) rule.visit(statement, context, { walk: () => {} });
    }
    if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
      (statement.body as Mutable<ts.Node>).parent = statement;
      visitStatements(statement.body, statement.body.statements, context);
    }
  }
}
