import ts from 'typescript';
import { checkAwaitedValue } from '../origin/check-awaited-value.js';
import type { Rule } from '../transform/rule.js';
import { readlineLoops } from './readline-lines.js';

/**
 * `for await (const x of it)` becomes `for (const x of it)`. What is iterated must then be sync-iterable:
 * a stream, a `readline` interface or anything else from a module that is neither converted nor mapped
 * is reported.
 */
export const forAwait: Rule = {
  name: 'for-await',
  isNeeded: (context) => context.textIncludes('await'),
  needles: () => ['await'],
  kinds: [ts.SyntaxKind.ForOfStatement],
  visit(node, context) {
    const statement = node as ts.ForOfStatement;
    const modifier = statement.awaitModifier;
    if (!modifier) return;
    context.removeWithTrailingSpace(context.start(modifier), modifier.end);
    // A readline loop over a file is rewritten (or refused) by its own rule.
    if (!readlineLoops.has(statement)) checkAwaitedValue(statement.expression, 'iterate', context);
  },
};
