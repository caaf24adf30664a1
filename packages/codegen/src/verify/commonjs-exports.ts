import ts from 'typescript';
import { skipParens } from '../transform/import-bindings.js';

/**
 * The names a CommonJS module exports, read from its top-level statements: `exports.x = …` and
 * `module.exports.x = …` (also with `['x']` and in chains `exports.a = exports.b = …`), the keys of
 * `module.exports = { … }` (`default` when it is anything else), and `Object.defineProperty(exports, 'x', …)`.
 * A spread or a computed key is reported as `...`, since syntax cannot tell what it adds.
 */
export function commonJsExportNames(tree: ts.SourceFile): string[] {
  const names = new Set<string>();
  for (const statement of tree.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    collect(statement.expression, names);
  }
  return [...names];
}

function collect(expression: ts.Expression, names: Set<string>): void {
  const bare = skipParens(expression);
  if (ts.isBinaryExpression(bare) && bare.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = skipParens(bare.left);
    if (isModuleExports(target)) collectAssigned(bare.right, names);
    else {
      const name = exportedMember(target);
      if (name !== undefined) names.add(name);
    }
    collect(bare.right, names);
    return;
  }
  if (ts.isCallExpression(bare) && isDefineProperty(bare.expression)) {
    const [target, key] = bare.arguments;
    if (target && key && (isModuleExports(target) || isExportsIdentifier(target)))
      names.add(ts.isStringLiteralLike(key) ? key.text : '...');
  }
}

function collectAssigned(value: ts.Expression, names: Set<string>): void {
  const bare = skipParens(value);
  if (!ts.isObjectLiteralExpression(bare)) {
    names.add('default');
    return;
  }
  for (const property of bare.properties) {
    if (ts.isSpreadAssignment(property)) names.add('...');
    else if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name)))
      names.add(property.name.text);
    else names.add('...');
  }
}

/** `exports.x`, `module.exports.x`, `exports['x']`: the export name; otherwise `undefined`. */
function exportedMember(target: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(target)) {
    const object = skipParens(target.expression);
    return isExportsIdentifier(object) || isModuleExports(object) ? target.name.text : undefined;
  }
  if (ts.isElementAccessExpression(target)) {
    const object = skipParens(target.expression);
    if (!isExportsIdentifier(object) && !isModuleExports(object)) return undefined;
    return ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : '...';
  }
  return undefined;
}

function isExportsIdentifier(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) && expression.text === 'exports';
}

function isModuleExports(expression: ts.Expression): boolean {
  const bare = skipParens(expression);
  return (
    ts.isPropertyAccessExpression(bare) &&
    bare.name.text === 'exports' &&
    ts.isIdentifier(bare.expression) &&
    bare.expression.text === 'module'
  );
}

function isDefineProperty(callee: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'defineProperty' &&
    ts.isIdentifier(callee.expression) &&
    (callee.expression.text === 'Object' || callee.expression.text === 'Reflect')
  );
}
