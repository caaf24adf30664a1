import ts from 'typescript';

/**
 * The outermost expression of `file` that spans exactly `[start, end)` (from its first token, trivia
 * excluded), found by descending only into the nodes that contain the span.
 */
export function findExpressionAt(file: ts.SourceFile, start: number, end: number): ts.Expression | undefined {
  let node: ts.Node = file;
  for (;;) {
    let next: ts.Node | undefined;
    ts.forEachChild(node, (child) => {
      if (child.pos <= start && end <= child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (next === undefined) return undefined;
    const found: ts.Node = next;
    if (found.end === end && ts.isExpression(found) && found.getStart(file) === start) return found;
    if (found.end < end || found.pos > start) return undefined;
    node = found;
  }
}
