import ts from 'typescript';
import { isIdentifierNamed } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { unwrap } from './call-root.js';
import { guardStatementStart } from './statement-start-guard.js';

const NO_SYNC_MEANING: ReadonlyMap<string, string> = new Map([
  ['race', 'settles with whichever promise settles first, which needs concurrency'],
  ['any', 'resolves with whichever promise fulfils first, which needs concurrency'],
  ['allSettled', 'runs every promise to completion concurrently'],
  ['withResolvers', 'creates a promise settled later by someone else'],
  ['try', 'wraps a call in a promise'],
]);

/**
 * Static uses of the global `Promise`: `Promise.all([...])` and `Promise.all(xs.map(f))` become the
 * array itself (evaluated in order; the first error stops the rest), `Promise.all(other)` becomes
 * `Array.from(other)`, `Promise.resolve(x)` becomes `x`, `return Promise.reject(e)` becomes `throw e`.
 * The rest has no sync meaning and is reported.
 */
export const promiseStatics: Rule = {
  name: 'promise-statics',
  isNeeded: (context) => context.usesName('Promise'),
  needles: () => ['Promise'],
  kinds: [ts.SyntaxKind.PropertyAccessExpression],
  visit(node, context) {
    const access = node as ts.PropertyAccessExpression;
    if (!isIdentifierNamed(access.expression, 'Promise')) return;
    if (!context.isGlobal(access, 'Promise')) return;
    const call = access.parent;
    const method = access.name.text;
    if (!ts.isCallExpression(call) || call.expression !== access) {
      context.report(
        'no-sync-meaning',
        access,
        `\`Promise.${method}\` used as a value has no sync meaning`,
        'call it directly',
      );
      return;
    }
    if (method === 'all') rewriteAll(call, context);
    else if (method === 'resolve') rewriteResolve(call, context);
    else if (method === 'reject') rewriteReject(call, context);
    else {
      const why = NO_SYNC_MEANING.get(method) ?? 'is a promise operation';
      context.report(
        'no-sync-meaning',
        call,
        `\`Promise.${method}()\` has no sync meaning: it ${why}`,
        'keep the async-only logic in an `if (IS_ASYNC) { … } else { … }` branch and write the sync way in the else branch',
      );
    }
  },
};

function rewriteAll(call: ts.CallExpression, context: TransformContext): void {
  const argument = call.arguments[0];
  if (!argument || call.arguments.length !== 1) {
    context.report('no-sync-meaning', call, '`Promise.all()` needs exactly one argument to be converted');
    return;
  }
  const inner = unwrap(argument);
  const literalOrMap =
    ts.isArrayLiteralExpression(inner) ||
    (ts.isCallExpression(inner) &&
      ts.isPropertyAccessExpression(inner.expression) &&
      inner.expression.name.text === 'map');
  const start = context.start(call);
  context.edits.replace(start, context.start(argument), literalOrMap ? '' : 'Array.from(');
  context.edits.replace(argument.end, call.end, literalOrMap ? '' : ')');
  guardStatementStart(call, context);
}

function rewriteResolve(call: ts.CallExpression, context: TransformContext): void {
  const argument = call.arguments[0];
  const start = context.start(call);
  if (!argument) {
    context.edits.replace(start, call.end, 'undefined');
    return;
  }
  const parens = !isTight(unwrap(argument)) && !acceptsAnyExpression(call);
  context.edits.replace(start, context.start(argument), parens ? '(' : '');
  context.edits.replace(argument.end, call.end, parens ? ')' : '');
  guardStatementStart(call, context);
}

function rewriteReject(call: ts.CallExpression, context: TransformContext): void {
  const argument = call.arguments[0];
  let holder: ts.Node = call.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAwaitExpression(holder)) holder = holder.parent;
  if (argument && ts.isReturnStatement(holder)) {
    context.edits.replaceRegion(context.start(holder), context.start(argument), 'throw ');
    context.edits.replace(argument.end, call.end, '');
    return;
  }
  if (argument && ts.isArrowFunction(holder) && holder.body.pos <= call.pos) {
    const body = holder.body;
    const text = context.text.slice(context.start(argument), argument.end);
    context.edits.replaceRegion(context.start(body), body.end, `{ throw ${text}; }`);
    return;
  }
  context.report(
    'no-sync-meaning',
    call,
    '`Promise.reject()` outside a `return` has no sync meaning',
    'throw the error instead (`throw error`)',
  );
}

/** Whether the call sits where any expression may stand (so its replacement needs no parentheses). */
function acceptsAnyExpression(call: ts.Expression): boolean {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return (
    ts.isReturnStatement(parent) ||
    ts.isExpressionStatement(parent) ||
    (ts.isVariableDeclaration(parent) && parent.initializer === node) ||
    (ts.isArrowFunction(parent) && parent.body === node) ||
    (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) ||
    ts.isArrayLiteralExpression(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node)
  );
}

/** Expressions that can replace a call expression without parentheses. */
function isTight(expression: ts.Expression): boolean {
  return (
    ts.isIdentifier(expression) ||
    ts.isLiteralExpression(expression) ||
    ts.isCallExpression(expression) ||
    ts.isPropertyAccessExpression(expression) ||
    ts.isElementAccessExpression(expression) ||
    ts.isArrayLiteralExpression(expression) ||
    ts.isObjectLiteralExpression(expression) ||
    ts.isParenthesizedExpression(expression) ||
    ts.isTemplateExpression(expression) ||
    expression.kind === ts.SyntaxKind.ThisKeyword ||
    expression.kind === ts.SyntaxKind.TrueKeyword ||
    expression.kind === ts.SyntaxKind.FalseKeyword ||
    expression.kind === ts.SyntaxKind.NullKeyword
  );
}
