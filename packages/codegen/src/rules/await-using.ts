import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/** `await using r = …` becomes `using r = …` (also in `for (await using r of …)`). */
export const awaitUsing: Rule = {
  name: 'await-using',
  isNeeded: (context) => context.textIncludes('await'),
  needles: () => ['await'],
  kinds: [ts.SyntaxKind.VariableDeclarationList],
  visit(node, context) {
    if ((node.flags & ts.NodeFlags.AwaitUsing) !== ts.NodeFlags.AwaitUsing) return;
    const start = context.start(node);
    if (context.text.startsWith('await', start))
      context.removeWithTrailingSpace(start, start + 'await'.length);
  },
};
