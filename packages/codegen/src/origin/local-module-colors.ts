import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { typescriptParser } from '../parser/typescript-parser.js';
import { isAsyncFunction } from './is-async-function.js';

/** What a file of the project that is not converted says about one of its exports. */
export type ExportColor = 'sync' | 'async' | 'unknown';

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly colors: ReadonlyMap<string, ExportColor>;
}

const cache = new Map<string, Cached>();

/** Words that, in a function's text, mean it may hand out a promise without being `async`. */
const PROMISE_WORDS = /\b(?:Promise|PromiseLike|Thenable|promises|then|await|fetch|promisify)\b/;

/**
 * Reads the colors of the exports of an unconverted module of the project (a relative import), from its
 * syntax: a function declared without `async`, whose declared return type and body mention no promise,
 * is `sync`, and so are classes, enums and constants that are not functions; an `async` function is
 * `async`; anything the file does not declare itself (re-exports, CommonJS, `export default` of an
 * expression) is `unknown`. `undefined` when the file cannot be found.
 */
export function localExportColor(
  specifier: string,
  importer: string,
  exportName: string,
): ExportColor | undefined {
  const file = resolveModuleFile(path.resolve(path.dirname(importer), specifier));
  if (file === undefined) return undefined;
  return colorsOf(file).get(exportName) ?? 'unknown';
}

function colorsOf(file: string): ReadonlyMap<string, ExportColor> {
  const stats = statSync(file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.colors;
  const text = readFileSync(file, 'utf8');
  const { tree } = typescriptParser.parse(file, text, { jsDoc: 'on-demand' });
  const colors = new Map<string, ExportColor>();
  for (const statement of tree.statements) collectStatement(statement, tree, colors);
  collectCommonJs(tree, colors);
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, colors });
  return colors;
}

function collectStatement(
  statement: ts.Statement,
  tree: ts.SourceFile,
  colors: Map<string, ExportColor>,
): void {
  const text = tree.text;
  if (!isExported(statement)) return;
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  if (ts.isFunctionDeclaration(statement)) {
    const name = isDefault ? 'default' : statement.name?.text;
    if (name !== undefined) colors.set(name, functionColor(statement, tree));
  } else if (ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    const name = isDefault ? 'default' : statement.name?.text;
    if (name !== undefined) colors.set(name, 'sync');
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const init = declaration.initializer;
      const color =
        init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
          ? functionColor(init, tree)
          : declaration.type && PROMISE_WORDS.test(text.slice(declaration.type.pos, declaration.type.end))
            ? 'unknown'
            : init && PROMISE_WORDS.test(text.slice(init.pos, init.end))
              ? 'unknown'
              : 'sync';
      colors.set(declaration.name.text, color);
    }
  }
}

/**
 * CommonJS exports: `exports.x = …`, `module.exports.x = …` and the keys of `module.exports = { … }`,
 * each judged by the function it names (a function declared in the file, or written in place).
 */
function collectCommonJs(tree: ts.SourceFile, colors: Map<string, ExportColor>): void {
  const local = new Map<string, ExportColor>();
  for (const statement of tree.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name)
      local.set(statement.name.text, functionColor(statement, tree));
    else if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (
          ts.isIdentifier(declaration.name) &&
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        )
          local.set(declaration.name.text, functionColor(init, tree));
      }
  }
  const colorOf = (value: ts.Expression): ExportColor => {
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return functionColor(value, tree);
    if (ts.isIdentifier(value)) return local.get(value.text) ?? 'unknown';
    return ts.isLiteralExpression(value) ? 'sync' : 'unknown';
  };
  for (const statement of tree.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const assignment = statement.expression;
    if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
      continue;
    const target = assignment.left;
    if (isModuleExports(target) && ts.isObjectLiteralExpression(assignment.right)) {
      for (const property of assignment.right.properties) {
        if (ts.isShorthandPropertyAssignment(property))
          colors.set(property.name.text, local.get(property.name.text) ?? 'unknown');
        else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name))
          colors.set(property.name.text, colorOf(property.initializer));
        else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name))
          colors.set(property.name.text, functionColor(property, tree));
      }
    } else if (
      ts.isPropertyAccessExpression(target) &&
      (isModuleExports(target.expression) ||
        (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))
    ) {
      colors.set(target.name.text, colorOf(assignment.right));
    }
  }
}

function isModuleExports(expression: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(expression) &&
    expression.name.text === 'exports' &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'module'
  );
}

function functionColor(fn: ts.FunctionLikeDeclaration, tree: ts.SourceFile): ExportColor {
  if (isAsyncFunction(fn)) return 'async';
  if (fn.asteriskToken) return 'sync';
  // Its own text only (not the doc comment before it): a word of prose there proves nothing.
  return PROMISE_WORDS.test(tree.text.slice(fn.getStart(tree), fn.end)) ? 'unknown' : 'sync';
}

function isExported(statement: ts.Statement): boolean {
  return hasModifier(statement, ts.SyntaxKind.ExportKeyword);
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === kind);
}

const CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
};

/** The file a relative specifier names, as TypeScript's `.js`-for-`.ts` convention and Node resolve it. */
function resolveModuleFile(target: string): string | undefined {
  const extension = path.extname(target);
  const stem = target.slice(0, target.length - extension.length);
  const tries = CANDIDATES[extension]?.map((ext) => stem + ext) ?? [
    target,
    ...['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'].map((ext) => target + ext),
    ...['index.ts', 'index.js'].map((index) => path.join(target, index)),
  ];
  return tries.find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}
