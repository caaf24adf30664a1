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
  /**
   * For rules that visit identifiers: the names they react to (besides names the naming convention
   * renames and imports being renamed, which are always offered). Other identifiers skip the rule.
   */
  identifierNames?(context: TransformContext): Iterable<string>;
  /**
   * Whether this file can need the rule at all, judged from cheap signals (the names the file uses, a
   * keyword in its text). Files that cannot are spared the rule, and the walk when no rule is left.
   */
  isNeeded?(context: TransformContext): boolean;
  /**
   * Names or keywords (or `g` patterns) whose whole-word occurrences in the text mark every place the
   * rule can act, in code and, for rules of kinds JSDoc can hold, in JSDoc comments. When
   * every rule of a file has them, the walk only descends into nodes whose range holds one; a rule
   * without them makes the walk visit everything.
   */
  needles?(context: TransformContext): Iterable<string | RegExp>;
  /**
   * The part of {@link needles} that can make the rule act in a top-level statement holding no other
   * needle (by default, all of them). A file parsed in part skips such statements, and is parsed whole
   * when one holds one of these. A rule that reacts to `this.name()` only inside a class whose `async
   * name()` it found, for instance, need not list `name`: that class holds `async`, so it is never skipped.
   */
  statementNeedles?(context: TransformContext): Iterable<string>;
  /**
   * `'top-level'`: the rule only looks at top-level statements (imports, exports, requires, ambient
   * modules) and runs in a first pass over them, before the walk.
   */
  readonly phase?: 'top-level';
}

/** Lets a rule that skipped a node's children walk the parts it keeps. */
export interface Walker {
  walk(node: ts.Node): void;
}
