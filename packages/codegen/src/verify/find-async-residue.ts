import ts from 'typescript';
import { typescriptParser } from '../parser/typescript-parser.js';
import { setParents } from '../transform/walk.js';

/** An async construct found in code that should be purely synchronous. */
export interface AsyncResidue {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

const ASYNC_TYPES = new Set([
  'Promise',
  'PromiseLike',
  'Awaited',
  'AsyncIterable',
  'AsyncIterator',
  'AsyncIterableIterator',
  'AsyncGenerator',
  'AsyncIteratorObject',
  'AsyncDisposable',
  'AsyncDisposableStack',
]);

/**
 * Lists every `async` function, `await`, `for await`, `await using`, and reference to `Promise` or an
 * async library type left in a generated twin (for example in a line the author told the generator to
 * ignore). A clean twin gives an empty list.
 *
 * @example
 * ```ts
 * import { findAsyncResidue } from '@anysync/codegen';
 *
 * findAsyncResidue('export function f() { return 1; }', 'f.ts'); // []
 * findAsyncResidue('export async function f() {}', 'f.ts'); // [{ line: 1, column: 8, text: 'async' }]
 * ```
 */
export function findAsyncResidue(code: string, fileName: string): AsyncResidue[] {
  const { tree } = typescriptParser.parse(fileName, code);
  setParents(tree);
  const found: AsyncResidue[] = [];
  const add = (start: number, text: string) => {
    const position = tree.getLineAndCharacterOfPosition(start);
    found.push({ line: position.line + 1, column: position.character + 1, text });
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AsyncKeyword) add(node.getStart(tree), 'async');
    else if (ts.isAwaitExpression(node)) add(node.getStart(tree), 'await');
    else if (ts.isForOfStatement(node) && node.awaitModifier)
      add(node.awaitModifier.getStart(tree), 'for await');
    else if (
      ts.isVariableDeclarationList(node) &&
      (node.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing
    ) {
      add(node.getStart(tree), 'await using');
    } else if (ts.isIdentifier(node) && ASYNC_TYPES.has(node.text) && !isPropertyName(node)) {
      add(node.getStart(tree), node.text);
    }
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
    if (docs) for (const doc of docs) visit(doc);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
}
