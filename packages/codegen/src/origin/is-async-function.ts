import ts from 'typescript';

/** Whether a function-like node has the `async` modifier. */
export function isAsyncFunction(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)
  );
}

/** The syntax kinds of functions that can be `async`: declarations, expressions, arrows, methods. */
export const FUNCTION_KINDS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
];
