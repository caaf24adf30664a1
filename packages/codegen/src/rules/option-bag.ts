import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';
import { unwrap } from './call-root.js';
import { localDeclarationOf, referencesIn } from './local-declaration.js';

/**
 * Why an options argument may hold a member that has no sync meaning (`signal`), or `undefined` when it
 * provably cannot: a string (an encoding), `null`, `undefined`, an object literal without such a
 * member, or a name that can only hold one of those: a parameter or variable typed `string` or
 * `BufferEncoding`, a `const` bound to a string, or a `const` object literal used only as this kind of
 * argument (so nothing can add the member). Anything else fails closed.
 */
export function optionBagProblem(
  argument: ts.Expression,
  forbidden: ReadonlySet<string>,
  context: TransformContext,
  isOptionsUse: (reference: ts.Identifier, parent: ts.Node) => boolean,
): string | undefined {
  const value = unwrap(argument);
  if (isStringLike(value) || value.kind === ts.SyntaxKind.NullKeyword) return undefined;
  if (ts.isObjectLiteralExpression(value)) return objectProblem(value, forbidden);
  if (!ts.isIdentifier(value)) return 'options that are not a literal';
  if (value.text === 'undefined' && context.isGlobal(value, 'undefined')) return undefined;
  const declaration = localDeclarationOf(value, context);
  if (declaration === undefined) return `options \`${value.text}\` that are not a literal`;
  if (isTextType(declaration.node.type)) return undefined;
  if (declaration.kind !== 'variable' || !declaration.constant || !declaration.node.initializer) {
    return `options \`${value.text}\` that are not a literal`;
  }
  const initializer = unwrap(declaration.node.initializer);
  if (isStringLike(initializer)) return undefined;
  if (!ts.isObjectLiteralExpression(initializer)) return `options \`${value.text}\` that are not a literal`;
  const inner = objectProblem(initializer, forbidden);
  if (inner !== undefined) return inner;
  const escapes = referencesIn(declaration.scope, value.text, declaration.node.name).some(
    (reference) => !isOptionsUse(reference.node, reference.parent),
  );
  return escapes ? `options \`${value.text}\` that other code can change` : undefined;
}

function objectProblem(
  literal: ts.ObjectLiteralExpression,
  forbidden: ReadonlySet<string>,
): string | undefined {
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) return 'options spread from another object';
    const name = property.name;
    if (name === undefined || ts.isComputedPropertyName(name) || ts.isPrivateIdentifier(name)) {
      return 'an option with a computed name';
    }
    if (forbidden.has(name.text)) return `the option \`${name.text}\``;
  }
  return undefined;
}

function isStringLike(node: ts.Node): boolean {
  return (
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)
  );
}

/** `string`, `BufferEncoding`, string literals, `null`, `undefined`, and unions of them. */
function isTextType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  if (ts.isUnionTypeNode(type)) return type.types.every(isTextType);
  if (ts.isParenthesizedTypeNode(type)) return isTextType(type.type);
  if (type.kind === ts.SyntaxKind.StringKeyword || type.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  if (ts.isLiteralTypeNode(type)) {
    return ts.isStringLiteral(type.literal) || type.literal.kind === ts.SyntaxKind.NullKeyword;
  }
  return (
    ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'BufferEncoding'
  );
}
