import ts from 'typescript';
import { typescriptParser } from '../parser/typescript-parser.js';
import { commonJsExportNames } from './commonjs-exports.js';
import { setParents } from '../transform/walk.js';

/**
 * The names a module exports, values and types alike (`default` for a default export, `*` plus the
 * specifier for `export * from`), read from its syntax. A CommonJS module's exports count too
 * (`exports.x = …`, `module.exports = { x }`, `Object.defineProperty(exports, 'x', …)`).
 *
 * @example
 * ```ts
 * import { exportedNames } from '@anysync/codegen';
 *
 * exportedNames('export class A {}\nexport type B = 1;\nexport default 2;', 'm.ts'); // ['A', 'B', 'default']
 * exportedNames('exports.load = load;\nmodule.exports.save = save;', 'm.cjs'); // ['load', 'save']
 * ```
 */
export function exportedNames(code: string, fileName: string): string[] {
  const { tree } = typescriptParser.parse(fileName, code);
  setParents(tree);
  const names = new Set<string>();
  for (const statement of tree.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause) names.add(`* from ${(statement.moduleSpecifier as ts.StringLiteral).text}`);
      else if (ts.isNamespaceExport(clause)) names.add(clause.name.text);
      else for (const element of clause.elements) names.add(element.name.text);
    } else if (ts.isExportAssignment(statement)) {
      names.add('default');
    } else if (hasExportModifier(statement)) {
      const isDefault = (ts.getModifiers(statement as ts.HasModifiers) ?? []).some(
        (m) => m.kind === ts.SyntaxKind.DefaultKeyword,
      );
      if (isDefault) names.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
        }
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) names.add(name.text);
      }
    }
  }
  if (isCommonJs(fileName, tree)) for (const name of commonJsExportNames(tree)) names.add(name);
  return [...names].sort();
}

/** A `.cjs`/`.cts` file, or a `.js`-like one without `import` or `export` statements. */
function isCommonJs(fileName: string, tree: ts.SourceFile): boolean {
  if (/\.c[jt]s$/.test(fileName)) return true;
  if (/\.m[jt]s$/.test(fileName) || /\.d\.[cm]?ts$/.test(fileName)) return false;
  return !tree.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isExportAssignment(statement) ||
      hasExportModifier(statement),
  );
}

function hasExportModifier(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
  );
}
