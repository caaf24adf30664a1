import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/**
 * `async function f()`, `async () => …`, `async m() {}` (class, static, private, computed, object
 * literal, generator): the `async` modifier goes, everything else stays.
 */
export const asyncFunctions: Rule = {
  name: 'async-functions',
  isNeeded: (context) => context.textIncludes('async'),
  needles: () => ['async'],
  kinds: [
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.FunctionExpression,
    ts.SyntaxKind.ArrowFunction,
    ts.SyntaxKind.MethodDeclaration,
  ],
  visit(node, context) {
    const modifiers = (node as ts.FunctionLikeDeclaration).modifiers;
    if (modifiers === undefined) return;
    for (const modifier of modifiers) {
      if (modifier.kind === ts.SyntaxKind.AsyncKeyword)
        context.removeWithTrailingSpace(context.start(modifier), modifier.end);
    }
  },
};
