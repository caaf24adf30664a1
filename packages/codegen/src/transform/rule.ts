import type ts from 'typescript';
import type { TransformContext } from './transform-context.js';

/** What a rule tells the walker after visiting a node. */
export type VisitResult = undefined | 'skip-children';

/**
 * One rewrite of the generator: the syntax kinds it looks at and what it does with each. Rules only
 * record edits and diagnostics; the walker visits every node once and offers it to each interested rule.
 */
export interface Rule {
  readonly name: string;
  readonly kinds: readonly ts.SyntaxKind[];
  visit(node: ts.Node, context: TransformContext, walker: Walker): VisitResult;
}

/** Lets a rule that skipped a node's children walk the parts it keeps. */
export interface Walker {
  walk(node: ts.Node): void;
}
