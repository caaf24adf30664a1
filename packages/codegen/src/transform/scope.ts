import ts from 'typescript';

/** What an identifier refers to: a file-level import, a declaration in the file, or a global. */
export type Resolution =
  | { readonly kind: 'top-level' }
  | { readonly kind: 'local'; readonly scope: ts.Node }
  | { readonly kind: 'global' };

/**
 * Resolves names to the scope that declares them, lazily and only for the identifiers a rule asks about
 * (most identifiers never need it), caching the names each scope declares.
 */
export class ScopeResolver {
  readonly #declared = new Map<ts.Node, Set<string>>();

  /**
   * Resolves `name` as seen at `site`: the identifier itself, or any node in the same scope whose parent
   * pointer is set (the walk sets them on its way down, so a node's children may not have one yet).
   */
  resolve(site: ts.Node, name: string): Resolution {
    for (let node = site.parent; node; node = node.parent) {
      if (!introducesScope(node)) continue;
      if (this.declaredIn(node).has(name)) {
        return ts.isSourceFile(node) ? { kind: 'top-level' } : { kind: 'local', scope: node };
      }
    }
    return { kind: 'global' };
  }

  /** The names a scope node declares directly (not in nested scopes; `var` counts where it is written). */
  declaredIn(scope: ts.Node): Set<string> {
    let names = this.#declared.get(scope);
    if (!names) {
      names = new Set();
      collectDeclaredNames(scope, names);
      this.#declared.set(scope, names);
    }
    return names;
  }
}

function introducesScope(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isFunctionLike(node) ||
    ts.isForStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassLike(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isMappedTypeNode(node) ||
    ts.isConditionalTypeNode(node)
  );
}

function collectDeclaredNames(scope: ts.Node, names: Set<string>): void {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    for (const statement of scope.statements) collectStatement(statement, names);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses)
      for (const statement of clause.statements) collectStatement(statement, names);
  } else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) collectBindingName(parameter.name, names);
    for (const parameter of scope.typeParameters ?? []) names.add(parameter.name.text);
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name)
      names.add(scope.name.text);
  } else if (ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init))
      for (const d of init.declarations) collectBindingName(d.name, names);
  } else if (ts.isCatchClause(scope)) {
    if (scope.variableDeclaration) collectBindingName(scope.variableDeclaration.name, names);
  } else if (ts.isClassLike(scope) || ts.isInterfaceDeclaration(scope) || ts.isTypeAliasDeclaration(scope)) {
    for (const parameter of scope.typeParameters ?? []) names.add(parameter.name.text);
    if (ts.isClassExpression(scope) && scope.name) names.add(scope.name.text);
  } else if (ts.isMappedTypeNode(scope)) {
    names.add(scope.typeParameter.name.text);
  } else if (ts.isConditionalTypeNode(scope)) {
    ts.forEachChild(scope.extendsType, function visit(node): void {
      if (ts.isInferTypeNode(node)) names.add(node.typeParameter.name.text);
      else ts.forEachChild(node, visit);
    });
  }
}

function collectStatement(statement: ts.Statement, names: Set<string>): void {
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations)
      collectBindingName(declaration.name, names);
  } else if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement)
  ) {
    if (statement.name) names.add(statement.name.text);
  } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
    names.add(statement.name.text);
  } else if (ts.isImportDeclaration(statement)) {
    collectImportNames(statement, names);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    names.add(statement.name.text);
  }
}

function collectImportNames(declaration: ts.ImportDeclaration, names: Set<string>): void {
  const clause = declaration.importClause;
  if (!clause) return;
  if (clause.name) names.add(clause.name.text);
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) names.add(named.name.text);
  else if (named) for (const element of named.elements) names.add(element.name.text);
}

/** Adds every name a binding pattern declares. */
export function collectBindingName(name: ts.BindingName, names: Set<string>): void {
  if (ts.isIdentifier(name)) {
    names.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) collectBindingName(element.name, names);
  }
}
