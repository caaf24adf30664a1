import ts from 'typescript';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { type PlannedBinding, planImport } from './import-plan.js';
import { renderImports } from './import-rendering.js';
import { quoted, rewriteSpecifier } from './module-specifier.js';

/**
 * Imports of mapped modules, by (module, export): `import { readFile } from 'node:fs/promises'` becomes
 * `import { readFileSync } from 'node:fs'` and every reference follows; namespace imports, default
 * imports of built-ins, `import { promises as fs } from 'node:fs'`, `fs.promises.readFile` and their
 * CommonJS `require` forms are handled the same way. Imports are edited in place when their shape
 * allows it and rewritten as new declarations when they must be split.
 */
export const moduleMappings: Rule = {
  name: 'module-mappings',
  phase: 'top-level',
  kinds: [ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.VariableStatement, ts.SyntaxKind.ExportDeclaration],
  visit(node, context) {
    if (ts.isExportDeclaration(node)) {
      mapReExport(node, context);
      return;
    }
    // A CommonJS statement may require several modules (`const a = require('a'), b = require('b')`).
    for (const bindings of groupBySpecifier(context.bindingsOf(node))) {
      const first = bindings[0] as ImportBinding;
      const plans = planImport(bindings, context);
      if (!plans) continue;
      context.handledSpecifiers.add(first.specifierNode);
      if (ts.isImportDeclaration(node)) applyImport(node, plans, context);
      else applyRequire(node as ts.VariableStatement, plans, context);
    }
  },
};

function groupBySpecifier(bindings: readonly ImportBinding[]): ImportBinding[][] {
  const groups = new Map<ts.Node, ImportBinding[]>();
  for (const binding of bindings)
    groups.set(binding.specifierNode, [...(groups.get(binding.specifierNode) ?? []), binding]);
  return [...groups.values()];
}

function formattedModule(plan: PlannedBinding, context: TransformContext): string | undefined {
  if (plan.module === undefined) return undefined;
  return rewriteSpecifier(plan.binding.specifier, context, plan.module) ?? plan.binding.specifier;
}

function singleModule(
  plans: readonly PlannedBinding[],
  context: TransformContext,
): string | null | undefined {
  const modules = new Set(plans.map((plan) => formattedModule(plan, context) ?? plan.binding.specifier));
  if (modules.size !== 1 || plans.some((plan) => plan.reshaped)) return null;
  const [module] = modules;
  return module === plans[0]?.binding.specifier ? undefined : module;
}

function applyImport(
  node: ts.ImportDeclaration,
  plans: readonly PlannedBinding[],
  context: TransformContext,
): void {
  const module = singleModule(plans, context);
  if (module === null) {
    regenerate(node, plans, context);
    return;
  }
  replaceSpecifier(plans[0]!.binding.specifierNode, module, context);
  for (const plan of plans) {
    const element = plan.binding.node;
    if (!ts.isImportSpecifier(element) || plan.imported === plan.binding.imported) continue;
    const text = plan.imported === plan.local ? plan.local : `${plan.imported} as ${plan.local}`;
    const start = element.isTypeOnly
      ? context.start(element.propertyName ?? element.name)
      : context.start(element);
    context.edits.replace(start, element.end, text);
  }
}

function applyRequire(
  node: ts.VariableStatement,
  plans: readonly PlannedBinding[],
  context: TransformContext,
): void {
  const module = singleModule(
    plans.map((plan) => ({ ...plan, reshaped: false })),
    context,
  );
  if (module === null) {
    if (node.declarationList.declarations.length === 1) regenerate(node, plans, context);
    else {
      context.report(
        'unmapped-import',
        node,
        'a mapped `require` must be the only declaration of its statement to be rewritten',
        'declare it in a statement of its own',
      );
    }
    return;
  }
  replaceSpecifier(plans[0]!.binding.specifierNode, module, context);
  for (const plan of plans) rewriteRequireBinding(plan, context);
}

function rewriteRequireBinding(plan: PlannedBinding, context: TransformContext): void {
  const node = plan.binding.node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    // `const fs = require('fs').promises` → `const fs = require('fs')`.
    const init = node.initializer;
    if (plan.reshaped && ts.isPropertyAccessExpression(init))
      context.edits.remove(init.expression.end, init.end);
    else if (ts.isPropertyAccessExpression(init) && plan.imported !== plan.binding.imported) {
      context.edits.replace(context.start(init.name), init.name.end, plan.imported);
      // `const readFile = require('m').readFile`: the uses follow the new name, so the binding must too.
      if (plan.local !== plan.binding.local && ts.isIdentifier(node.name))
        context.edits.replace(context.start(node.name), node.name.end, plan.local);
    }
    return;
  }
  if (!ts.isBindingElement(node)) return;
  if (plan.reshaped) {
    // `const { promises: fs } = require('fs')` → `const fs = require('fs')`.
    const pattern = bindingPatternOf(plan, node);
    context.edits.replace(context.start(pattern), pattern.end, plan.local);
    return;
  }
  if (plan.imported === plan.binding.imported) return;
  const text = plan.imported === plan.local ? plan.local : `${plan.imported}: ${plan.local}`;
  context.edits.replace(context.start(node), node.end, text);
}

function regenerate(node: ts.Node, plans: readonly PlannedBinding[], context: TransformContext): void {
  const literal = plans[0]!.binding.specifierNode;
  const quote = context.text.slice(context.start(literal), context.start(literal) + 1);
  const formatted = plans.map((plan) => ({ ...plan, module: formattedModule(plan, context) }));
  const lineStart = context.text.lastIndexOf('\n', context.start(node) - 1) + 1;
  const indent = /^[ \t]*/.exec(context.text.slice(lineStart))?.[0] ?? '';
  const text = renderImports(formatted, quote, plans[0]!.binding.commonJs).split('\n').join(`\n${indent}`);
  context.edits.replaceRegion(context.start(node), node.end, text);
}

function replaceSpecifier(
  literal: ts.StringLiteralLike,
  module: string | undefined,
  context: TransformContext,
): void {
  if (module === undefined) return;
  const start = context.start(literal);
  context.edits.replace(start, literal.end, quoted(context.text.slice(start, literal.end), module));
}

function mapReExport(node: ts.ExportDeclaration, context: TransformContext): void {
  const literal = node.moduleSpecifier;
  if (!literal || !ts.isStringLiteral(literal)) return;
  const entry = context.mappings.lookup(literal.text, context.fileName);
  if (!entry || entry.same) return;
  context.handledSpecifiers.add(literal);
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) {
    context.report(
      'unmapped-import',
      node,
      `\`export *\` from mapped module '${literal.text}' cannot be mapped name by name`,
      'list the exported names',
    );
    return;
  }
  const fake = clause.elements.map((element): ImportBinding => {
    const imported = (element.propertyName ?? element.name).text;
    return {
      local: imported,
      imported,
      shape: 'named',
      specifier: literal.text,
      specifierNode: literal,
      node: element,
      declaration: node,
      typeOnly: element.isTypeOnly || node.isTypeOnly,
      commonJs: false,
    };
  });
  const plans = planImport(fake, context);
  if (!plans) return;
  const module = singleModule(plans, context);
  if (module === null) {
    context.report(
      'unmapped-import',
      node,
      `re-exports from '${literal.text}' map to different modules`,
      'split the re-export per target module',
    );
    return;
  }
  replaceSpecifier(literal, module, context);
  for (const plan of plans) {
    const element = plan.binding.node as ts.ExportSpecifier;
    if (plan.imported === plan.binding.imported) continue;
    const exported = element.name.text;
    const text = plan.imported === exported ? exported : `${plan.imported} as ${exported}`;
    context.edits.replace(context.start(element.propertyName ?? element.name), element.end, text);
  }
}

/** The destructuring pattern holding a binding element (parents are not set on the import statement yet). */
function bindingPatternOf(plan: PlannedBinding, element: ts.BindingElement): ts.ObjectBindingPattern {
  const statement = plan.binding.declaration as ts.VariableStatement;
  for (const declaration of statement.declarationList.declarations) {
    if (ts.isObjectBindingPattern(declaration.name) && declaration.name.elements.includes(element))
      return declaration.name;
  }
  throw new Error('anysync internal error: a required binding outside its statement');
}
