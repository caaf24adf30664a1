import ts from 'typescript';

/** What an identifier is in its position, which decides how a rename treats it. */
export type IdentifierRole =
  | 'member' // a property name: `x.name`, `{ name: 1 }`, `name() {}` in a class or interface
  | 'declaration' // declares a binding: variable, function, class, parameter, type
  | 'import-name' // `{ name }` or `{ name as local }`'s `name` in an import; a default or namespace import
  | 'import-alias' // `local` in `{ name as local }`
  | 'export-name' // `{ local as name }`'s `name`, or a re-export's names
  | 'shorthand' // `{ name }` in an object literal: a member and a reference at once
  | 'reference' // everything else: a use of a binding
  | 'other'; // labels, JSX tags and other names that are not bindings

/** Classifies an identifier by its parent. */
export function identifierRole(identifier: ts.Identifier): IdentifierRole {
  const parent = identifier.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).name === identifier ? 'member' : 'reference';
    case ts.SyntaxKind.QualifiedName:
      return (parent as ts.QualifiedName).right === identifier ? 'member' : 'reference';
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.PropertySignature:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.MethodSignature:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
    case ts.SyntaxKind.EnumMember:
      return (parent as ts.NamedDeclaration).name === identifier ? 'member' : 'reference';
    case ts.SyntaxKind.ShorthandPropertyAssignment:
      return 'shorthand';
    case ts.SyntaxKind.BindingElement: {
      const element = parent as ts.BindingElement;
      if (element.propertyName === identifier) return 'member';
      return 'declaration';
    }
    case ts.SyntaxKind.ImportSpecifier: {
      const specifier = parent as ts.ImportSpecifier;
      return specifier.propertyName && specifier.name === identifier ? 'import-alias' : 'import-name';
    }
    case ts.SyntaxKind.ImportClause:
    case ts.SyntaxKind.NamespaceImport:
    case ts.SyntaxKind.ImportEqualsDeclaration:
      return 'import-name';
    case ts.SyntaxKind.ExportSpecifier: {
      const specifier = parent as ts.ExportSpecifier;
      if (specifier.parent.parent.moduleSpecifier) return 'export-name';
      return specifier.propertyName && specifier.name === identifier ? 'export-name' : 'reference';
    }
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ClassExpression:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EnumDeclaration:
    case ts.SyntaxKind.ModuleDeclaration:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.TypeParameter:
      return (parent as ts.NamedDeclaration).name === identifier ? 'declaration' : 'reference';
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
    case ts.SyntaxKind.JsxAttribute:
    case ts.SyntaxKind.MetaProperty:
      return 'other';
    default:
      return 'reference';
  }
}
