// Removes a library's hand-written sync half from one of its files, so that only the async half is left
// for the generator: the named top-level declarations, the exports that name them (ESM export lists,
// `module.exports.x =`, `exports.x =`, `Object.defineProperty(exports, 'x', …)`, properties of
// `module.exports = { … }`), then the imports only they used. Anything it cannot remove cleanly is an
// error: a sync half left behind would make the comparison meaningless.
import ts from 'typescript';

/**
 * @param {string} text the file's text
 * @param {string} fileName for the parser (its extension picks JS or TS)
 * @param {string[]} names the declarations of the sync half
 * @returns {{ text: string, removed: string[], prunedImports: string[] }}
 */
export function stripSyncHalf(text, fileName, names) {
  const wanted = new Set(names);
  const first = applyEdits(text, removalEdits(parse(text, fileName), wanted));
  const before = referenceCounts(parse(text, fileName));
  const pruned = importPruning(parse(first.text, fileName), before);
  const result = applyEdits(first.text, pruned.edits);
  const left = [...referenceCounts(parse(result.text, fileName), { declarations: true }).keys()].filter((n) =>
    wanted.has(n),
  );
  if (left.length > 0)
    throw new Error(`${fileName}: the sync half is still named after stripping: ${left.join(', ')}`);
  const missing = names.filter((n) => !first.removed.includes(n));
  if (missing.length > 0) throw new Error(`${fileName}: no declaration found for ${missing.join(', ')}`);
  return { text: result.text, removed: first.removed, prunedImports: pruned.names };
}

function parse(text, fileName) {
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
}

function removalEdits(file, wanted) {
  const edits = [];
  const whole = (node, name) => edits.push({ start: node.getFullStart(), end: node.end, text: '', name });
  for (const statement of file.statements) {
    if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name &&
      wanted.has(statement.name.text)
    ) {
      whole(statement, statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      const declared = statement.declarationList.declarations.map((d) => d.name.getText());
      const hit = declared.filter((n) => wanted.has(n));
      if (hit.length === declared.length) whole(statement, hit[0]);
      else if (hit.length > 0) throw new Error(`cannot split the declaration list of ${hit.join(', ')}`);
    } else if (ts.isExpressionStatement(statement)) {
      const named = exportedName(statement.expression, wanted);
      if (named !== undefined) whole(statement, named);
      else edits.push(...objectExportEdits(statement.expression, wanted));
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && !statement.moduleSpecifier) {
      const elements = statement.exportClause.elements ?? [];
      const kept = elements.filter((e) => !wanted.has((e.propertyName ?? e.name).text));
      if (kept.length === elements.length) continue;
      const removed = elements.filter((e) => !kept.includes(e)).map((e) => (e.propertyName ?? e.name).text);
      if (kept.length === 0) whole(statement, removed[0]);
      else {
        const list = statement.exportClause;
        edits.push({
          start: list.getStart(),
          end: list.end,
          text: `{ ${kept.map((e) => e.getText()).join(', ')} }`,
        });
      }
      for (const name of removed) edits.push({ start: 0, end: 0, text: '', name });
    }
  }
  return edits;
}

// `module.exports.x = …`, `exports.x = …`, `module.exports.y = x` and `Object.defineProperty(exports, 'x', …)`:
// the name they export when it or the value they export belongs to the sync half.
function exportedName(expression, wanted) {
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const key = exportKey(expression.left);
    let value = expression.right;
    while (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken)
      value = value.right;
    if (key !== undefined && wanted.has(key)) return key;
    if (key !== undefined && ts.isIdentifier(value) && wanted.has(value.text)) return value.text;
    if (key !== undefined && ts.isFunctionExpression(value) && value.name && wanted.has(value.name.text))
      return value.name.text;
    return undefined;
  }
  if (
    ts.isCallExpression(expression) &&
    expression.expression.getText() === 'Object.defineProperty' &&
    expression.arguments[0]?.getText() === 'exports' &&
    ts.isStringLiteral(expression.arguments[1]) &&
    wanted.has(expression.arguments[1].text)
  ) {
    return expression.arguments[1].text;
  }
  return undefined;
}

function exportKey(target) {
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return undefined;
  const owner = target.expression.getText();
  if (owner !== 'exports' && owner !== 'module.exports') return undefined;
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  return ts.isStringLiteral(target.argumentExpression) ? target.argumentExpression.text : undefined;
}

// `module.exports = { a, aSync, b: bSync }`: the properties of the sync half leave the literal.
function objectExportEdits(expression, wanted) {
  if (
    !ts.isBinaryExpression(expression) ||
    expression.left.getText() !== 'module.exports' ||
    !ts.isObjectLiteralExpression(expression.right)
  ) {
    return [];
  }
  const literal = expression.right;
  const removed = [];
  const kept = literal.properties.filter((property) => {
    const key = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
    const value = ts.isShorthandPropertyAssignment(property)
      ? property.name.text
      : ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer)
        ? property.initializer.text
        : undefined;
    const hit = [key, value].find((n) => n !== undefined && wanted.has(n));
    if (hit !== undefined) removed.push(hit);
    return hit === undefined;
  });
  if (removed.length === 0) return [];
  const source = literal.getSourceFile().text;
  const last = literal.properties[literal.properties.length - 1];
  const tail = source.slice(last.end, literal.end - 1);
  const trailingComma = tail.trimStart().startsWith(',');
  const closing = trailingComma ? tail.slice(tail.indexOf(',') + 1) : tail;
  const body = kept.map((p) => p.getFullText()).join(',') + (trailingComma && kept.length > 0 ? ',' : '');
  return [
    { start: literal.getStart() + 1, end: literal.end - 1, text: body + closing },
    ...removed.map((name) => ({ start: 0, end: 0, text: '', name })),
  ];
}

function applyEdits(text, edits) {
  const real = edits.filter((e) => e.end > e.start || e.text !== '').sort((a, b) => b.start - a.start);
  let out = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const edit of real) {
    if (edit.end > floor) throw new Error('overlapping removals');
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    floor = edit.start;
  }
  const removed = [...new Set(edits.filter((e) => e.name !== undefined).map((e) => e.name))];
  return { text: out, removed };
}

// How often each name is used (declarations apart, unless asked), property names and keys excluded.
function referenceCounts(file, { declarations = false } = {}) {
  const counts = new Map();
  const visit = (node) => {
    if (ts.isIdentifier(node) && (declarations || !isDeclarationName(node)) && !isPropertyName(node))
      counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return counts;
}

function isDeclarationName(node) {
  const parent = node.parent;
  return (
    (ts.isImportSpecifier(parent) && parent.name === node) ||
    (ts.isImportSpecifier(parent) && parent.propertyName === node) ||
    (ts.isImportClause(parent) && parent.name === node) ||
    (ts.isNamespaceImport(parent) && parent.name === node) ||
    (ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node)) ||
    (ts.isVariableDeclaration(parent) && parent.name === node)
  );
}

function isPropertyName(node) {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isPropertyDeclaration(parent) && parent.name === node)
  );
}

// Import bindings (ESM specifiers, `const { a } = require('m')`) that the removed code was the only user of.
function importPruning(file, before) {
  const after = referenceCounts(file);
  const unusedNow = (name) => (before.get(name) ?? 0) > 0 && (after.get(name) ?? 0) === 0;
  const edits = [];
  const names = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const bindings = statement.importClause.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const kept = bindings.elements.filter((e) => !unusedNow(e.name.text));
        if (kept.length === bindings.elements.length) continue;
        names.push(...bindings.elements.filter((e) => !kept.includes(e)).map((e) => e.name.text));
        const defaultName = statement.importClause.name;
        if (kept.length === 0 && !defaultName) {
          edits.push({ start: statement.getFullStart(), end: statement.end, text: '' });
        } else if (kept.length === 0) {
          edits.push({ start: defaultName.end, end: bindings.end, text: '' });
        } else {
          edits.push({
            start: bindings.getStart(),
            end: bindings.end,
            text: `{${kept.map((e) => e.getText()).join(', ')}}`,
          });
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const isRequire = init && ts.isCallExpression(init) && init.expression.getText() === 'require';
        if (!isRequire || !ts.isObjectBindingPattern(declaration.name)) continue;
        const elements = declaration.name.elements;
        const kept = elements.filter((e) => !unusedNow(e.name.getText()));
        if (kept.length === elements.length) continue;
        names.push(...elements.filter((e) => !kept.includes(e)).map((e) => e.name.getText()));
        if (kept.length === 0 && statement.declarationList.declarations.length === 1) {
          edits.push({ start: statement.getFullStart(), end: statement.end, text: '' });
        } else {
          edits.push({
            start: declaration.name.getStart(),
            end: declaration.name.end,
            text: `{ ${kept.map((e) => e.getText()).join(', ')} }`,
          });
        }
      }
    }
  }
  return { edits, names };
}
