import ts from 'typescript';

/**
 * An identifier's name without the cost of the `text` getter, which rules on hot paths (every call,
 * every property access) cannot afford. `escapedText` equals `text` except for names starting with `__`.
 */
export function nameOf(identifier: ts.Identifier | ts.PrivateIdentifier): string {
  const escaped = identifier.escapedText as string;
  return escaped.charCodeAt(0) === 95 && escaped.charCodeAt(1) === 95 ? identifier.text : escaped;
}

/** Whether a node is an identifier with this name. */
export function isIdentifierNamed(node: ts.Node, name: string): node is ts.Identifier {
  return node.kind === ts.SyntaxKind.Identifier && nameOf(node as ts.Identifier) === name;
}
