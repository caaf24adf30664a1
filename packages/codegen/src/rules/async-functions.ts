import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/**
 * `async function f()`, `async () => …`, `async m() {}` (class, static, private, computed, object
 * literal, generator): the `async` modifier goes, everything else stays.
 */
export const asyncFunctions: Rule = {
  name: 'async-functions',
  kinds: [
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.FunctionExpression,
    ts.SyntaxKind.ArrowFunction,
    ts.SyntaxKind.MethodDeclaration,
  ],
  visit(node, context) {
    const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    const keyword = modifiers?.find((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
    if (keyword) context.removeWithTrailingSpace(context.start(keyword), keyword.end);
  },
};
