import ts from 'typescript';
import type { Rule } from '../transform/rule.js';

/** The JSDoc `@async` tag is dropped (with its line when it stands alone). */
export const jsdocAsyncTag: Rule = {
  name: 'jsdoc-async-tag',
  isNeeded: (context) => context.textIncludes('@async'),
  needles: () => ['@async'],
  kinds: [ts.SyntaxKind.JSDocTag],
  visit(node, context) {
    const tag = node as ts.JSDocTag;
    if (tag.tagName.text !== 'async') return;
    const text = context.text;
    const start = context.start(tag);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', start);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (lineEnd !== -1 && /^\s*\*?\s*@async\s*$/.test(line)) {
      context.edits.remove(lineStart, lineEnd + 1);
      return;
    }
    context.removeWithTrailingSpace(start, start + '@async'.length);
  },
};
