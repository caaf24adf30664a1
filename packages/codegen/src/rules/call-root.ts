import ts from 'typescript';

/** The identifier a call chain starts from and the member names after it: `a.b.c()` → `a`, `['b', 'c']`. */
export interface CallRoot {
  readonly root: ts.Identifier;
  readonly members: readonly string[];
}

/** The root of the callee of `expression` when it is a call (or `new`), looking through parentheses and casts. */
export function callRoot(expression: ts.Expression): CallRoot | undefined {
  const call = unwrap(expression);
  if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return undefined;
  const members: string[] = [];
  let current: ts.Expression = unwrap(call.expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    if (ts.isPropertyAccessExpression(current)) members.unshift(current.name.text);
    else
      members.unshift(
        ts.isStringLiteralLike(current.argumentExpression) ? current.argumentExpression.text : '[]',
      );
    current = unwrap(current.expression);
  }
  return ts.isIdentifier(current) ? { root: current, members } : undefined;
}

/** Looks through parentheses, `as`, `satisfies`, `!` and type assertions. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current)
    ) {
      current = current.expression;
    } else if (ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}
