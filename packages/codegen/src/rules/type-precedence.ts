import ts from 'typescript';

/**
 * Whether a type that takes the place of `Promise<type>` needs parentheses there: `Promise<A | B>[]`
 * must become `(A | B)[]`, not `A | B[]`.
 */
export function typeNeedsParens(type: ts.TypeNode, replaced: ts.TypeNode): boolean {
  const parent = replaced.parent;
  const functionLike = ts.isFunctionTypeNode(type) || ts.isConstructorTypeNode(type);
  const conditional = ts.isConditionalTypeNode(type) || ts.isInferTypeNode(type);
  if (ts.isArrayTypeNode(parent) || ts.isOptionalTypeNode(parent) || ts.isTypeOperatorNode(parent)) {
    return isLoose(type);
  }
  if (ts.isIndexedAccessTypeNode(parent)) return parent.objectType === replaced && isLoose(type);
  if (ts.isUnionTypeNode(parent)) return functionLike || conditional;
  if (ts.isIntersectionTypeNode(parent)) return functionLike || conditional || ts.isUnionTypeNode(type);
  if (ts.isConditionalTypeNode(parent)) {
    return (
      (parent.checkType === replaced || parent.extendsType === replaced) && (functionLike || conditional)
    );
  }
  return false;
}

function isLoose(type: ts.TypeNode): boolean {
  return (
    ts.isUnionTypeNode(type) ||
    ts.isIntersectionTypeNode(type) ||
    ts.isFunctionTypeNode(type) ||
    ts.isConstructorTypeNode(type) ||
    ts.isConditionalTypeNode(type) ||
    ts.isInferTypeNode(type) ||
    ts.isTypeOperatorNode(type)
  );
}
