import ts from 'typescript';

/** Whether a node declares a member of a class, interface or type literal (method, property, accessor). */
export function isMemberDeclaration(node: ts.Node): node is ts.ClassElement | ts.TypeElement {
  return (
    ts.isMethodDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertySignature(node) ||
    ts.isGetAccessor(node) ||
    ts.isSetAccessor(node)
  );
}
