import ts from 'typescript';
import { checkAwaitedValue } from '../origin/check-awaited-value.js';
import { FUNCTION_KINDS, isAsyncFunction } from '../origin/is-async-function.js';
import { linkSubtree } from '../origin/local-binding.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';

/**
 * An async function awaits without saying so: what it returns (a `return`, an arrow's expression body)
 * is awaited, and so are an async generator's `return` and `yield` operands; `yield*` there iterates an
 * async iterable.
 * Each such value is checked like an explicit `await`: a promise from a module that is neither converted
 * nor mapped would reach the twin's caller as it is.
 */
export const implicitAwaits: Rule = {
  name: 'implicit-awaits',
  isNeeded: (context) => context.textIncludes('async'),
  needles: () => ['async'],
  kinds: FUNCTION_KINDS,
  visit(node, context) {
    const fn = node as ts.FunctionLikeDeclaration;
    if (!fn.body || !isAsyncFunction(fn)) return;
    // After the walk: branches the marker drops and ranges left verbatim are known by then.
    context.finishers.push(() => checkBody(fn, context));
  },
};

function checkBody(fn: ts.FunctionLikeDeclaration, context: TransformContext): void {
  const body = fn.body as ts.ConciseBody;
  const generator = fn.asteriskToken !== undefined;
  // The walk only linked the parts holding a word some rule acts on; the checks resolve names from here.
  linkSubtree(fn);
  if (!ts.isBlock(body)) {
    check(body, 'implicit', context);
    return;
  }
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (context.edits.isAbsorbed(context.start(node), node.end)) return;
    if (ts.isReturnStatement(node) && node.expression) check(node.expression, 'implicit', context);
    else if (ts.isYieldExpression(node) && node.expression && generator)
      check(node.expression, node.asteriskToken ? 'iterate' : 'implicit', context);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
}

function check(expression: ts.Expression, how: 'implicit' | 'iterate', context: TransformContext): void {
  if (context.edits.isAbsorbed(context.start(expression), expression.end)) return;
  checkAwaitedValue(expression, how, context);
}
