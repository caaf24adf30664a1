import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

const ASYNC_ONLY: ReadonlyMap<string, string> = new Map([
  ['fetch', '`fetch` performs network I/O through the event loop and has no blocking counterpart'],
  ['Response', '`Response` bodies are read asynchronously'],
  ['ReadableStream', 'web streams deliver data asynchronously'],
  ['WritableStream', 'web streams accept data asynchronously'],
]);

/**
 * Global functions and classes that only exist in the async world (`fetch`, web streams). Mapping
 * them (e.g. to a Synchronizer call) is the author's choice, so they are reported.
 */
export const asyncOnlyGlobals: Rule = {
  name: 'async-only-globals',
  kinds: [ts.SyntaxKind.Identifier],
  identifierNames: () => ASYNC_ONLY.keys(),
  isNeeded: (context) => context.usesAnyName(ASYNC_ONLY.keys()),
  needles: () => ASYNC_ONLY.keys(),
  visit(node, context) {
    const identifier = node as ts.Identifier;
    const why = ASYNC_ONLY.get(identifier.text);
    if (why === undefined) return;
    const parent = identifier.parent;
    const used =
      (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === identifier;
    if (!used || !context.isGlobal(identifier, identifier.text)) return;
    context.report(
      'no-sync-meaning',
      parent,
      `${why}`,
      'call it through an anysync Synchronizer from the sync twin, or keep it in an `if (IS_ASYNC)` branch',
    );
  },
};
