import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/** `for await (const x of it)` becomes `for (const x of it)`. */
export const forAwait: Rule = {
  name: 'for-await',
  isNeeded: (context) => context.textIncludes('await'),
  needles: () => ['await'],
  kinds: [ts.SyntaxKind.ForOfStatement],
  visit(node, context) {
    const modifier = (node as ts.ForOfStatement).awaitModifier;
    if (modifier) context.removeWithTrailingSpace(context.start(modifier), modifier.end);
  },
};
