import ts from 'typescript';
import type { Rule } from './rule.js';
import type { TransformContext } from './transform-context.js';

/** Kinds a JSDoc comment's own tree can hold: names, types, `@link` paths, `@augments` expressions, tags. */
function canOccurInJsDoc(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.QualifiedName ||
    kind === ts.SyntaxKind.PropertyAccessExpression ||
    kind === ts.SyntaxKind.ExpressionWithTypeArguments ||
    (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode) ||
    (kind >= ts.SyntaxKind.FirstJSDocNode && kind <= ts.SyntaxKind.LastJSDocNode)
  );
}

/**
 * Where a rule may act inside a JSDoc comment: whole-word occurrences of the needles of the rules whose
 * kinds can occur there. Only comments holding one are parsed, so prose
 * ("asynchronous", "then", `runPromise` in an example) costs nothing. `undefined` means every comment.
 */
export function jsDocCandidatePositions(
  rules: readonly Rule[],
  context: TransformContext,
): Int32Array | undefined {
  const words = new Set<string>();
  const patterns: RegExp[] = [];
  for (const rule of rules) {
    const needles = rule.kinds.some(canOccurInJsDoc) ? rule.needles?.(context) : [];
    if (needles === undefined) return undefined;
    for (const needle of needles) {
      if (typeof needle === 'string') words.add(needle);
      else patterns.push(needle);
    }
  }
  if (words.has('')) return undefined;
  const found: number[] = [];
  for (const word of words) {
    for (const at of context.wholeWordsOf(word)) found.push(at);
  }
  for (const pattern of patterns)
    for (const match of context.text.matchAll(pattern)) found.push(match.index ?? 0);
  return Int32Array.from(found).sort();
}
