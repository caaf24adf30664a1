import ts from 'typescript';
import type { TransformContext } from './transform-context.js';

/**
 * Adds the imports the twin needs and the source did not have (`sleepSync` from the runtime): into an
 * existing named import of that module when there is one, otherwise as a new declaration after the
 * last import (or a `require` in CommonJS files).
 */
export function insertNeededImports(context: TransformContext): void {
  for (const [module, names] of context.neededImports) {
    const missing = [...names].filter((name) => !alreadyImported(context, module, name));
    if (missing.length === 0) continue;
    const existing = context.tree.statements.find(
      (statement): statement is ts.ImportDeclaration =>
        ts.isImportDeclaration(statement) &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        statement.moduleSpecifier.text === module &&
        !statement.importClause?.isTypeOnly &&
        statement.importClause?.namedBindings !== undefined &&
        ts.isNamedImports(statement.importClause.namedBindings),
    );
    const named = existing?.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      const last = named.elements[named.elements.length - 1];
      if (last) {
        context.edits.insert(last.end, `, ${missing.join(', ')}`);
        continue;
      }
    }
    const line = context.commonJs
      ? `const { ${missing.join(', ')} } = require('${module}');`
      : `import { ${missing.join(', ')} } from '${module}';`;
    insertStatement(context, line);
  }
}

function alreadyImported(context: TransformContext, module: string, name: string): boolean {
  const binding = context.bindings.get(name);
  return binding !== undefined && binding.specifier === module && binding.imported === name;
}

function insertStatement(context: TransformContext, line: string): void {
  const statements = context.tree.statements;
  const importing = new Set<ts.Node>([...context.bindings.values()].map((binding) => binding.declaration));
  const last = statements
    .filter((statement) => ts.isImportDeclaration(statement) || importing.has(statement))
    .pop();
  const first = statements[0];
  const directive =
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first : undefined;
  const after = last ?? directive;
  if (after) context.edits.insert(after.end, `\n${line}`);
  else context.edits.insert(first ? context.start(first) : context.text.length, `${line}\n`);
}
