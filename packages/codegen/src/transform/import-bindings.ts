import ts from 'typescript';

/** How a local name was bound by an import or a `require`. */
export type ImportShape = 'named' | 'default' | 'namespace';

/** One local name bound by an import (ESM) or a top-level `require` (CommonJS). */
export interface ImportBinding {
  readonly local: string;
  /** The imported export's name; `'*'` for namespace imports and whole-module requires. */
  readonly imported: string;
  readonly shape: ImportShape;
  readonly specifier: string;
  /** The string literal of the module specifier (to rewrite it). */
  readonly specifierNode: ts.StringLiteralLike;
  /** The node naming the binding: an import specifier, namespace import, clause name or binding element. */
  readonly node: ts.Node;
  /** The whole import declaration or variable statement. */
  readonly declaration: ts.Node;
  readonly typeOnly: boolean;
  readonly commonJs: boolean;
  /**
   * A `require` wrapped by a compiler's interop helper: `'default'` (`__importDefault`,
   * `_interopRequireDefault`, `__toESM`: the module is at `x.default`) or `'star'` (`__importStar`,
   * `_interopRequireWildcard`: its members are on `x`, the module also at `x.default`).
   */
  readonly interop?: 'default' | 'star';
}

/** Collects every import binding of a file, ESM and top-level CommonJS `require`s alike. */
export function collectImportBindings(file: ts.SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  const add = (binding: ImportBinding) => bindings.set(binding.local, binding);
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) collectEsm(statement, add);
    else if (ts.isVariableStatement(statement)) collectRequires(statement, add);
  }
  return bindings;
}

function collectEsm(declaration: ts.ImportDeclaration, add: (binding: ImportBinding) => void): void {
  const clause = declaration.importClause;
  const literal = declaration.moduleSpecifier;
  if (!clause || !ts.isStringLiteral(literal)) return;
  const typeOnly = clause.isTypeOnly;
  if (clause.name)
    add(binding(clause.name.text, 'default', 'default', literal, clause.name, declaration, typeOnly, false));
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    add(binding(named.name.text, '*', 'namespace', literal, named, declaration, typeOnly, false));
  } else if (named) {
    for (const element of named.elements) {
      const imported = element.propertyName ? moduleExportName(element.propertyName) : element.name.text;
      const shape = imported === 'default' ? 'default' : 'named';
      add(
        binding(
          element.name.text,
          imported,
          shape,
          literal,
          element,
          declaration,
          typeOnly || element.isTypeOnly,
          false,
        ),
      );
    }
  }
}

function collectRequires(statement: ts.VariableStatement, add: (binding: ImportBinding) => void): void {
  for (const declaration of statement.declarationList.declarations) {
    const written = declaration.initializer && skipParens(declaration.initializer);
    if (!written) continue;
    const interop = interopKind(written);
    const init = interop ? skipParens((written as ts.CallExpression).arguments[0] as ts.Expression) : written;
    const required = requiredModule(init);
    const member =
      !required && ts.isPropertyAccessExpression(init)
        ? requiredModule(skipParens(init.expression))
        : undefined;
    const source = required ?? member;
    if (!source) continue;
    if (ts.isIdentifier(declaration.name)) {
      const imported = member && ts.isPropertyAccessExpression(init) ? init.name.text : '*';
      const shape = imported === '*' ? 'namespace' : 'named';
      const found = binding(
        declaration.name.text,
        imported,
        shape,
        source,
        declaration,
        statement,
        false,
        true,
      );
      add(interop && required ? { ...found, interop } : found);
    } else if (ts.isObjectBindingPattern(declaration.name) && required && !interop) {
      for (const element of declaration.name.elements) {
        if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
        const key = element.propertyName;
        const imported =
          key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : element.name.text;
        add(binding(element.name.text, imported, 'named', source, element, statement, false, true));
      }
    }
  }
}

function binding(
  local: string,
  imported: string,
  shape: ImportShape,
  specifierNode: ts.StringLiteralLike,
  node: ts.Node,
  declaration: ts.Node,
  typeOnly: boolean,
  commonJs: boolean,
): ImportBinding {
  return {
    local,
    imported,
    shape,
    specifier: specifierNode.text,
    specifierNode,
    node,
    declaration,
    typeOnly,
    commonJs,
  };
}

const INTEROP: ReadonlyMap<string, 'default' | 'star'> = new Map([
  ['__importDefault', 'default'],
  ['_interopRequireDefault', 'default'],
  ['__toESM', 'default'],
  ['__importStar', 'star'],
  ['_interopRequireWildcard', 'star'],
]);

/** Which interop helper of TypeScript, Babel or esbuild a call is (`__importDefault(require('x'))`), if any. */
function interopKind(node: ts.Expression): 'default' | 'star' | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length < 1) return undefined;
  const callee = skipParens(node.expression);
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : undefined;
  const kind = name === undefined ? undefined : INTEROP.get(name);
  const argument = node.arguments[0];
  return kind !== undefined && argument !== undefined && requiredModule(skipParens(argument))
    ? kind
    : undefined;
}

/** The module literal of a `require('…')` call. */
export function requiredModule(node: ts.Node): ts.StringLiteralLike | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  const argument = node.arguments[0];
  return argument && ts.isStringLiteralLike(argument) ? argument : undefined;
}

function moduleExportName(name: ts.ModuleExportName): string {
  return ts.isIdentifier(name) ? name.text : name.text;
}

/** The expression inside any number of parentheses. */
export function skipParens(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}
