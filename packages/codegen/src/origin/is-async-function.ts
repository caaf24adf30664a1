import ts from 'typescript';

/** Whether a function-like node has the `async` modifier. */
export function isAsyncFunction(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)
  );
}
