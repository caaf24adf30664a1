import ts from 'typescript';
import type { NameConvention } from '../names/name-convention.js';
import { isMemberDeclaration } from './is-member-declaration.js';
import type { FileFacts } from './project-facts.js';

/** What one file contributes to the project facts: its async functions, top-level names and renamed members. */
export interface CollectedFacts extends FileFacts {
  readonly memberRenames: ReadonlyMap<string, string>;
}

/** Gathers a file's facts from its syntax tree (no type information needed). */
export function collectFileFacts(
  tree: ts.SourceFile,
  names: NameConvention,
  options: { members?: boolean } = {},
): CollectedFacts {
  const asyncFunctions = new Set<string>();
  const topLevelNames = new Set<string>();
  const memberRenames = new Map<string, string>();
  for (const statement of tree.statements) collectTopLevel(statement, asyncFunctions, topLevelNames);
  const visit = (node: ts.Node): void => {
    if (
      (isMemberDeclaration(node) || ts.isPropertyAssignment(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      const renamed = names.syncName(node.name.text);
      if (renamed !== undefined) memberRenames.set(node.name.text, renamed);
    }
    ts.forEachChild(node, visit);
  };
  // Most files declare no name the convention renames; the parser's identifier table tells without a walk.
  const table = (tree as { identifiers?: ReadonlyMap<string, string> }).identifiers;
  if (options.members !== false && (!table || names.renamedIn(table).size > 0)) visit(tree);
  return { asyncFunctions, topLevelNames, memberRenames };
}

function collectTopLevel(statement: ts.Statement, asyncFunctions: Set<string>, names: Set<string>): void {
  if (ts.isFunctionDeclaration(statement) && statement.name) {
    names.add(statement.name.text);
    if (isAsync(statement) && !statement.asteriskToken) asyncFunctions.add(statement.name.text);
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      names.add(declaration.name.text);
      const init = declaration.initializer;
      if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && isAsync(init)) {
        if (!(ts.isFunctionExpression(init) && init.asteriskToken)) asyncFunctions.add(declaration.name.text);
      }
    }
  } else if (
    (ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name
  ) {
    names.add(statement.name.text);
  }
}

function isAsync(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
  );
}
