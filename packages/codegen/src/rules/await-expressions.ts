import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { checkAwaitedValue } from '../origin/check-awaited-value.js';
import { guardStatementStart } from './statement-start-guard.js';

/**
 * `await e` becomes `e`. The keyword and the space up to the operand go, so that `return await\n g()`
 * cannot turn into a bare `return`; comments between them stay (wrapped in parentheses when a line
 * break would otherwise end the statement). The statement-start hazards are checked once every edit is
 * known.
 */
export const awaitExpressions: Rule = {
  name: 'await-expressions',
  isNeeded: (context) => context.textIncludes('await'),
  needles: () => ['await'],
  kinds: [ts.SyntaxKind.AwaitExpression],
  visit(node, context) {
    const expression = node as ts.AwaitExpression;
    if (isAwaitedDynamicImport(expression, context)) return;
    removeAwaitKeyword(expression, context);
    removeRedundantParens(expression, context);
    checkAwaitedValue(expression.expression, 'await', context);
    guardStatementStart(expression, context);
  },
};

function removeAwaitKeyword(node: ts.AwaitExpression, context: TransformContext): void {
  const start = context.start(node);
  const keywordEnd = start + 'await'.length;
  const operandStart = context.start(node.expression);
  const between = context.text.slice(keywordEnd, operandStart);
  if (/^\s*$/.test(between)) {
    context.edits.remove(start, operandStart);
    return;
  }
  if (!/[\n\r\u2028\u2029]/.test(between)) {
    context.removeWithTrailingSpace(start, keywordEnd);
    return;
  }
  // A comment with a line break between `await` and its operand: parentheses keep the operand attached.
  context.edits.replace(start, keywordEnd, '(');
  context.edits.insert(node.expression.end, ')');
}

/**
 * `(await stat(file)).isFile()` becomes `stat(file).isFile()`: the parentheses only existed for the
 * `await`. They stay where they still matter: around anything but a call, member access, name or
 * literal, and as the callee of `new` (`new (await load())()` differs from `new load()()`).
 */
function removeRedundantParens(node: ts.AwaitExpression, context: TransformContext): void {
  const parens = node.parent;
  if (!ts.isParenthesizedExpression(parens) || ts.isNewExpression(parens.parent)) return;
  const operand = node.expression;
  const tight =
    ts.isCallExpression(operand) ||
    ts.isPropertyAccessExpression(operand) ||
    ts.isElementAccessExpression(operand) ||
    ts.isIdentifier(operand) ||
    ts.isLiteralExpression(operand) ||
    operand.kind === ts.SyntaxKind.ThisKeyword;
  const operandText = context.text.slice(context.start(operand), operand.end);
  // An operand that starts like a statement (`{`, `function`, `class`) keeps its parentheses.
  if (!tight || !/^(?!(?:function|class|let|async)\b)[\w$'"`]/.test(operandText)) return;
  if (context.text.slice(context.start(parens), context.start(node)) !== '(') return;
  if (context.text.slice(node.end, parens.end) !== ')') return;
  context.edits.remove(context.start(parens), context.start(node));
  context.edits.remove(node.end, parens.end);
}

function isAwaitedDynamicImport(node: ts.AwaitExpression, context: TransformContext): boolean {
  let operand: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
  if (!ts.isCallExpression(operand) || operand.expression.kind !== ts.SyntaxKind.ImportKeyword) return false;
  // Not even in CommonJS is `require()` its twin: `import()` takes URLs, gives a namespace (whose
  // `default` is a CommonJS module's exports) and honours `import` conditions; `require()` does none of it.
  context.report(
    'dynamic-import',
    node,
    context.commonJs
      ? '`await import()` has no sync meaning: `require()` takes no URLs and returns `module.exports`, not the namespace `import()` gives'
      : '`await import()` has no sync meaning in an ES module: loading a module is asynchronous',
    context.commonJs
      ? 'write the `require()` you mean in the else branch of an `if (IS_ASYNC)`'
      : 'import the module statically, or load it with `createRequire(import.meta.url)` in an `if (IS_ASYNC)` branch',
  );
  return true;
}
