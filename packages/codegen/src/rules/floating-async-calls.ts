import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import { asyncCallableNames } from './async-callable-names.js';
import { isAwaitedRightAfter } from './awaited-right-after.js';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { TransformContext } from '../transform/transform-context.js';
import { namespaceEntryOf } from './namespace-members.js';

/**
 * A call to an async function of the converted sources whose promise is not awaited (or returned)
 * starts concurrent work; in the twin it would run to completion on the spot. That changes behaviour
 * silently, so it is reported.
 */
export const floatingAsyncCalls: Rule = {
  name: 'floating-async-calls',
  isNeeded: (context) => context.textIncludes('async') || importsAsyncFunctions(context),
  needles: (context) => [...asyncCallableNames(context), ...topLevelAsyncNames(context)],
  // Outside the class that declares an async method, only a function of the file's top level or an
  // import can be called by a bare name; `this.method()` is inside that class, which holds `async`.
  statementNeedles: (context) => topLevelAsyncNames(context),
  kinds: [ts.SyntaxKind.CallExpression],
  visit(node, context) {
    const call = node as ts.CallExpression;
    const name = asyncCallee(call, context);
    if (name === undefined || isConsumed(call) || isAwaitedRightAfter(call, context.tree)) return;
    context.report(
      'floating-async-call',
      call,
      `\`${name}()\` is async and its promise is not awaited here: the sync twin would run it to completion on the spot instead of concurrently`,
      'await it where it is called, or keep the concurrent version in an `if (IS_ASYNC)` branch',
    );
  },
};

/** The file's top-level async functions and its imports of async functions of the converted sources. */
function topLevelAsyncNames(context: TransformContext): string[] {
  const names = [...(context.facts()?.asyncFunctions ?? [])];
  for (const binding of context.bindings.values()) {
    if (
      context.convertedModule(binding.specifier)?.asyncFunctions.has(binding.imported) ||
      isMappedAsyncImport(binding, context)
    )
      names.push(binding.local);
  }
  return [...names, ...context.namespaceEntries.keys()];
}

function asyncCallee(call: ts.CallExpression, context: TransformContext): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const name = callee.text;
    const binding = context.bindings.get(name);
    const isAsync = binding
      ? context.convertedModule(binding.specifier)?.asyncFunctions.has(binding.imported) === true ||
        isMappedAsyncImport(binding, context)
      : context.facts()?.asyncFunctions.has(name) === true;
    // Resolved only for a name that is async at the top level: most calls are of other functions.
    return isAsync && context.resolve(call, name).kind === 'top-level' ? name : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    return isAsyncMethodOfEnclosingClass(call, callee.name.text) ? `this.${callee.name.text}` : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const entry = namespaceEntryOf(callee.expression, call, context);
    const target = entry?.exports.get(callee.name.text);
    if (target?.kind !== 'rename' || ITERATOR_EXPORTS.has(`${entry?.key}#${callee.name.text}`))
      return undefined;
    return `${callee.expression.text}.${callee.name.text}`;
  }
  return undefined;
}

/** Whether a named import is of a mapped export: an async function whose twin is a blocking one. */
function isMappedAsyncImport(binding: ImportBinding, context: TransformContext): boolean {
  if (binding.typeOnly || binding.shape !== 'named') return false;
  const entry = context.mappings.lookup(binding.specifier, context.fileName);
  if (entry === undefined || ITERATOR_EXPORTS.has(`${entry.key}#${binding.imported}`)) return false;
  return entry.exports.get(binding.imported)?.kind === 'rename';
}

/** Mapped exports that return async iterators, not promises: iterating them is using them. */
const ITERATOR_EXPORTS = new Set(['node:fs/promises#glob', 'node:fs/promises#watch']);

function isAsyncMethodOfEnclosingClass(call: ts.Node, name: string): boolean {
  let node: ts.Node | undefined = call.parent;
  while (node && !ts.isClassLike(node)) {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) return false;
    node = node.parent;
  }
  if (!node) return false;
  return node.members.some(
    (member) =>
      ts.isMethodDeclaration(member) &&
      ts.isIdentifier(member.name) &&
      member.name.text === name &&
      (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) &&
      !member.asteriskToken,
  );
}

function isConsumed(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  let parent = call.parent;
  while (
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    (ts.isConditionalExpression(parent) && parent.condition !== node) ||
    (ts.isBinaryExpression(parent) && isShortCircuit(parent.operatorToken.kind))
  ) {
    node = parent;
    parent = parent.parent;
  }
  if (ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || ts.isYieldExpression(parent))
    return true;
  if (ts.isArrowFunction(parent) && parent.body === node) return true;
  if (ts.isForOfStatement(parent) && parent.expression === node) return true;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return true;
  return ts.isArrayLiteralExpression(parent) && isPromiseAllArgument(parent);
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.AmpersandAmpersandToken ||
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken
  );
}

function isPromiseAllArgument(array: ts.ArrayLiteralExpression): boolean {
  const call = array.parent;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const callee = call.expression;
  return (
    ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && callee.name.text === 'all'
  );
}

function importsAsyncFunctions(context: TransformContext): boolean {
  if (context.namespaceEntries.size > 0) return true;
  for (const binding of context.bindings.values()) {
    if ((context.convertedModule(binding.specifier)?.asyncFunctions.size ?? 0) > 0) return true;
    if (isMappedAsyncImport(binding, context)) return true;
  }
  return false;
}
