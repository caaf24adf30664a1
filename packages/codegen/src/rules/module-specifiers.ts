import ts from 'typescript';
import type { ModuleEntry } from '../mappings/mapping-table.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { requiredModule } from '../transform/import-bindings.js';
import { quoted, rewriteSpecifier } from './module-specifier.js';

/**
 * Relative module specifiers are re-aimed from the twin's location, through the directory rules, in
 * `import`, `import type`, `export … from`, `import()`, `require()`, `typeof import()`,
 * `declare module '…'` and `/// <reference path>`. Imports of mapped modules are left to the mapping rule.
 */
export const moduleSpecifiers: Rule = {
  name: 'module-specifiers',
  phase: 'top-level',
  kinds: [
    ts.SyntaxKind.ImportDeclaration,
    ts.SyntaxKind.ExportDeclaration,
    ts.SyntaxKind.ModuleDeclaration,
    ts.SyntaxKind.ImportEqualsDeclaration,
  ],
  visit(node, context) {
    if (ts.isImportEqualsDeclaration(node)) {
      if (ts.isExternalModuleReference(node.moduleReference)) rewriteLiteral(node.moduleReference, context);
      return;
    }
    rewriteLiteral(node, context);
  },
};

/** `import()`, `require()` and `typeof import()` anywhere in the file, when its text has any. */
export const dynamicSpecifiers: Rule = {
  name: 'dynamic-specifiers',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.ImportType],
  isNeeded: (context) => /\b(?:import|require)\s*\(/.test(context.text),
  // Also `{import('./x.js').T}` in JSDoc; the word alone is in every import statement and `@example`.
  needles: () => [/\b(?:import|require)\s*\(/g],
  visit(node, context) {
    rewriteLiteral(node, context);
  },
};

function rewriteLiteral(node: ts.Node, context: TransformContext): void {
  const literal = specifierLiteral(node);
  if (!literal) return;
  if (context.handledSpecifiers.has(literal)) return;
  const mapped = context.mappings.lookup(literal.text, context.fileName);
  if (mapped?.same) return;
  if (mapped && ts.isCallExpression(node) && mapsByName(mapped)) {
    // Not a binding the mapping rule rewrote (`Object.freeze(require('fs/promises'))`, a `require` inside a
    // function): renaming the module alone would leave its members' async names in place.
    context.report(
      'unmapped-import',
      node,
      `'${literal.text}' is mapped export by export, but this ${node.expression.kind === ts.SyntaxKind.ImportKeyword ? '`import()`' : '`require()`'} is not bound where the mapping can follow its members`,
      `bind it at the top of the file (\`const x = require('${literal.text}')\` or \`import * as x from '${literal.text}'\`) and use its members from there`,
    );
    return;
  }
  const rewritten = rewriteSpecifier(literal.text, context, mapped?.module);
  if (rewritten === undefined) return;
  if (mapped) context.mappings.markUsed(mapped);
  const start = context.start(literal);
  context.edits.replace(start, literal.end, quoted(context.text.slice(start, literal.end), rewritten));
}

/** Whether an entry renames exports or reports them (so the specifier alone cannot be swapped). */
function mapsByName(entry: ModuleEntry): boolean {
  return entry.exports.size > 0 || entry.strict || entry.error !== undefined;
}

function specifierLiteral(node: ts.Node): ts.StringLiteralLike | undefined {
  let candidate: ts.Node | undefined;
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) candidate = node.moduleSpecifier;
  else if (ts.isCallExpression(node)) {
    candidate =
      node.expression.kind === ts.SyntaxKind.ImportKeyword ? node.arguments[0] : requiredModule(node);
  } else if (ts.isImportTypeNode(node)) {
    const argument = node.argument;
    candidate = ts.isLiteralTypeNode(argument) ? argument.literal : undefined;
  } else if (ts.isModuleDeclaration(node)) candidate = node.name;
  else if (ts.isExternalModuleReference(node)) candidate = node.expression;
  return candidate && ts.isStringLiteralLike(candidate) ? candidate : undefined;
}

/** `/// <reference path="…" />` directives, which live in the file's comments. */
export function rewriteReferencePaths(file: ts.SourceFile, context: TransformContext): void {
  for (const reference of file.referencedFiles) {
    const rewritten = rewriteSpecifier(
      reference.fileName.startsWith('.') ? reference.fileName : `./${reference.fileName}`,
      context,
    );
    if (rewritten !== undefined) context.edits.replace(reference.pos, reference.end, rewritten);
  }
}
