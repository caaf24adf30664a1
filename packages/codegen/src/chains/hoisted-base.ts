import ts from 'typescript';
import { unwrap } from '../rules/call-root.js';
import type { ChainSource } from './chain-lowering.js';
import { CodeLines } from './code-lines.js';

/** The chain's promise as the twin computes it, and the statements that must run before its `try`. */
export interface HoistedBase {
  /** `const` declarations of the parts evaluated outside the `try` (none for most chains). */
  readonly prelude: CodeLines;
  /** The base expression's text, with the hoisted parts replaced by their names. */
  readonly text: string;
}

/**
 * In `f(g()).catch(h)`, a throw from `g()` (or from computing `f`'s object) happens before the promise
 * exists, so `h` never sees it; only what `f` itself does becomes a rejection. Written as
 * `try { f(g()) } catch { h }`, the twin would catch both. So the arguments and the callee's object that
 * can throw while they are computed (anything holding a call, `new`, `await`, an assignment, `delete` or
 * a spread) are computed first, outside the `try`, in the order the source computes them.
 */
export function hoistedBase(base: ts.Expression, source: ChainSource): HoistedBase {
  const prelude = new CodeLines();
  const call = unwrap(base);
  if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return { prelude, text: source.text(base) };
  const args = call.arguments ?? [];
  const callee = unwrap(call.expression);
  // Rebuilt from its parts only when no rule rewrote the call itself (`Promise.resolve(x)` → `x`).
  const open = args[0]?.pos ?? call.end - 1;
  const close = args[args.length - 1]?.end ?? open;
  if (!source.untouched(call.expression.end, open) || !source.untouched(close, call.end))
    return { prelude, text: source.text(base) };
  const objectMayThrow =
    (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) &&
    mayThrow(callee.expression);
  if (!objectMayThrow && !args.some(mayThrow)) return { prelude, text: source.text(base) };
  const hoist = (expression: ts.Expression, name: string): string => {
    const fresh = source.fresh(name);
    prelude.line(0, `const ${fresh} = ${source.text(expression)};`);
    return fresh;
  };
  let calleeText = source.text(call.expression);
  if (objectMayThrow && (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) {
    const target = hoist(callee.expression, 'target');
    calleeText = ts.isPropertyAccessExpression(callee)
      ? `${target}.${callee.name.text}`
      : `${target}[${source.text(callee.argumentExpression)}]`;
  }
  const argTexts = args.map((argument) =>
    mayThrow(argument) && !ts.isSpreadElement(argument) ? hoist(argument, 'argument') : source.text(argument),
  );
  const typeArguments = call.typeArguments
    ? `<${call.typeArguments.map((t) => source.text(t)).join(', ')}>`
    : '';
  const text = `${ts.isNewExpression(call) ? 'new ' : ''}${calleeText}${typeArguments}(${argTexts.join(', ')})`;
  return { prelude, text };
}

/** Whether computing an expression can throw or run code: it holds a call, `new`, `await`, and so on. */
function mayThrow(expression: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (
      ts.isCallExpression(node) ||
      ts.isNewExpression(node) ||
      ts.isAwaitExpression(node) ||
      ts.isTaggedTemplateExpression(node) ||
      ts.isDeleteExpression(node) ||
      ts.isSpreadElement(node) ||
      ts.isYieldExpression(node) ||
      (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) ||
      ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken))
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}
