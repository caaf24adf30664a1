import ts from 'typescript';
import { isIdentifierNamed } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';

/**
 * `new Promise(…)` has no sync meaning (something else settles it later), except the sleep idiom
 * `new Promise((resolve) => setTimeout(resolve, ms))`, which becomes a blocking `sleepSync(ms)`.
 */
export const newPromise: Rule = {
  name: 'new-promise',
  isNeeded: (context) => context.usesName('Promise'),
  needles: () => ['Promise'],
  kinds: [ts.SyntaxKind.NewExpression],
  visit(node, context) {
    const expression = node as ts.NewExpression;
    if (!isIdentifierNamed(expression.expression, 'Promise')) return;
    if (!context.isGlobal(expression, 'Promise')) return;
    const delay = sleepDelay(expression, context);
    if (delay) {
      context.needImport(context.runtimeModule, 'sleepSync');
      const text = context.text.slice(context.start(delay), delay.end);
      context.edits.replaceRegion(context.start(expression), expression.end, `sleepSync(${text})`);
      return 'skip-children';
    }
    context.report(
      'no-sync-meaning',
      expression,
      '`new Promise()` has no sync meaning: the promise is settled later by a callback or an event',
      'await a function that has a sync twin (or a mapped one), or keep this code in an `if (IS_ASYNC)` branch',
    );
    return 'skip-children';
  },
};

/** The delay of `new Promise(r => setTimeout(r, ms))` and its `() => r()` / block-bodied variants. */
function sleepDelay(node: ts.NewExpression, context: TransformContext): ts.Expression | undefined {
  const executor = node.arguments?.[0];
  if (!executor || node.arguments.length !== 1) return undefined;
  if (!ts.isArrowFunction(executor) && !ts.isFunctionExpression(executor)) return undefined;
  const resolve = executor.parameters[0]?.name;
  if (!resolve || !ts.isIdentifier(resolve)) return undefined;
  let body: ts.Node = executor.body;
  if (ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    if (!only || !ts.isExpressionStatement(only)) return undefined;
    body = only.expression;
  }
  if (
    !ts.isCallExpression(body) ||
    !ts.isIdentifier(body.expression) ||
    body.expression.text !== 'setTimeout'
  ) {
    return undefined;
  }
  if (!context.isGlobal(node, 'setTimeout') || body.arguments.length !== 2) return undefined;
  const [callback, delay] = body.arguments;
  return callback && delay && callsResolve(callback, resolve.text) ? delay : undefined;
}

function callsResolve(callback: ts.Expression, resolve: string): boolean {
  if (ts.isIdentifier(callback)) return callback.text === resolve;
  if (!ts.isArrowFunction(callback) || callback.parameters.length > 0) return false;
  const body = callback.body;
  return (
    ts.isCallExpression(body) &&
    ts.isIdentifier(body.expression) &&
    body.expression.text === resolve &&
    body.arguments.length === 0
  );
}
