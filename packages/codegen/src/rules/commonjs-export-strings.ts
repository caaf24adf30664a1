import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { unwrap } from './call-root.js';
import { isCommonJsExports } from './declared-names.js';

/**
 * CommonJS exports named by a string — `exports['readAsync'] = …`, `Object.defineProperty(exports,
 * 'readAsync', …)` (also on `module.exports`) — are renamed like `exports.readAsync`.
 */
export const commonJsExportStrings: Rule = {
  name: 'commonjs-export-strings',
  isNeeded: (context) => context.commonJs && context.textIncludes('exports'),
  needles: () => ['exports'],
  kinds: [ts.SyntaxKind.ElementAccessExpression, ts.SyntaxKind.CallExpression],
  visit(node, context) {
    if (ts.isElementAccessExpression(node)) {
      if (isCommonJsExports(unwrap(node.expression), node, context))
        renameLiteral(node.argumentExpression, context);
      return;
    }
    const call = node as ts.CallExpression;
    const [target, name] = call.arguments;
    if (!target || !name || !isObjectDefineProperty(call.expression, call, context)) return;
    if (isCommonJsExports(unwrap(target), call, context)) renameLiteral(name, context);
  },
};

function renameLiteral(expression: ts.Expression, context: TransformContext): void {
  if (!ts.isStringLiteralLike(expression)) return;
  const renamed = context.names.syncName(expression.text);
  if (renamed === undefined || renamed === expression.text) return;
  context.declaredMembers.add(expression.text);
  const start = context.start(expression);
  const quote = context.text[start] ?? "'";
  context.edits.replace(start, expression.end, `${quote}${renamed}${quote}`);
}

function isObjectDefineProperty(callee: ts.Expression, site: ts.Node, context: TransformContext): boolean {
  const bare = unwrap(callee);
  return (
    ts.isPropertyAccessExpression(bare) &&
    bare.name.text === 'defineProperty' &&
    ts.isIdentifier(bare.expression) &&
    (bare.expression.text === 'Object' || bare.expression.text === 'Reflect') &&
    context.isGlobal(site, bare.expression.text)
  );
}
