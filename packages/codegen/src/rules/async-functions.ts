import ts from 'typescript';
import { FUNCTION_KINDS } from '../origin/is-async-function.js';
import type { Rule } from '../transform/rule.js';

/**
 * `async function f()`, `async () => …`, `async m() {}` (class, static, private, computed, object
 * literal, generator): the `async` modifier goes, everything else stays.
 */
export const asyncFunctions: Rule = {
  name: 'async-functions',
  isNeeded: (context) => context.textIncludes('async'),
  needles: () => ['async'],
  kinds: FUNCTION_KINDS,
  visit(node, context) {
    const modifiers = (node as ts.FunctionLikeDeclaration).modifiers;
    if (modifiers === undefined) return;
    for (const modifier of modifiers) {
      if (modifier.kind === ts.SyntaxKind.AsyncKeyword)
        context.removeWithTrailingSpace(context.start(modifier), modifier.end);
    }
  },
};
