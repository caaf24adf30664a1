import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';

/**
 * Removes a statement or member with its leading comments; when it sits on lines of its own, the lines
 * go too, so no blank line is left behind.
 */
export function removeStatementLines(node: ts.Node, context: TransformContext): void {
  const text = context.text;
  let start = node.getFullStart();
  // Keep the line break that ends the previous line; drop the blank lines and comments before the node.
  const firstBreak = text.indexOf('\n', start);
  if (
    firstBreak !== -1 &&
    firstBreak < context.start(node) &&
    /^[ \t]*$/.test(text.slice(start, firstBreak))
  ) {
    start = firstBreak + 1;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const onOwnLines = /^[ \t]*$/.test(text.slice(lineStart, start));
  let end = node.end;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (onOwnLines && /^[ \t]*$/.test(rest)) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
    end = swallowBlankLineAfter(text, start, end);
  }
  context.edits.replaceRegion(start, end, '');
}

/**
 * When the removed lines sat between an opening brace (or a blank line) and a blank line, that blank
 * line goes too: otherwise a member removed from the top of a class leaves an empty first line.
 */
function swallowBlankLineAfter(text: string, start: number, end: number): number {
  const nextEnd = text.indexOf('\n', end);
  if (nextEnd === -1 || !/^[ \t]*$/.test(text.slice(end, nextEnd))) return end;
  const previousLineStart = text.lastIndexOf('\n', start - 2) + 1;
  const previous = text.slice(previousLineStart, Math.max(previousLineStart, start - 1)).trim();
  return previous === '' || previous.endsWith('{') ? nextEnd + 1 : end;
}

/**
 * Replaces `if (…) { body } else { … }` by `body`, dedented one level, when the block declares nothing
 * that would then leak into the enclosing scope and holds no multi-line literal that dedenting would
 * change. Returns `false` (and edits nothing) when the block must keep its braces.
 */
export function unwrapBlock(statement: ts.IfStatement, block: ts.Block, context: TransformContext): boolean {
  const text = context.text;
  if (block.statements.length === 0) {
    removeStatementLines(statement, context);
    return true;
  }
  if (block.statements.some(declaresLexically) || hasMultilineLiteral(block, context.tree)) return false;
  const first = block.statements[0]!;
  const last = block.statements[block.statements.length - 1]!;
  const statementStart = context.start(statement);
  const outerIndent = indentOf(text, statementStart);
  const bodyStart = text.lastIndexOf('\n', context.start(first) - 1) + 1;
  const innerIndent = indentOf(text, context.start(first));
  if (!innerIndent.startsWith(outerIndent) || bodyStart <= statementStart) return false;
  const extra = innerIndent.length - outerIndent.length;
  const bodyEnd = last.end;
  context.edits.replaceRegion(statementStart - outerIndent.length, bodyStart, '');
  context.edits.replaceRegion(bodyEnd, statement.end, '');
  // Dedent once every edit is known, leaving alone the lines where another edit already starts.
  context.finishers.push(() => {
    const edits = context.edits.resolved();
    for (let lineStart = bodyStart; lineStart < bodyEnd; ) {
      const prefix = text.slice(lineStart, lineStart + extra);
      const touched = edits.some((edit) => edit.start < lineStart + extra && edit.end > lineStart);
      if (!touched && /^[ \t]*$/.test(prefix) && prefix.length === extra) {
        context.edits.remove(lineStart, lineStart + extra);
      }
      const next = text.indexOf('\n', lineStart);
      if (next === -1) break;
      lineStart = next + 1;
    }
  });
  return true;
}

function indentOf(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, position))?.[0] ?? '';
}

function declaresLexically(statement: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return true;
  return (
    ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0
  );
}

function hasMultilineLiteral(block: ts.Block, tree: ts.SourceFile): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isTemplateLiteral(node) || ts.isStringLiteral(node)) {
      if (node.getText(tree).includes('\n')) found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}
