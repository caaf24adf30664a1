import ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';
import type { ChainSource } from './chain-lowering.js';
import type { CodeLines } from './code-lines.js';

/** {@link ChainSource} over a file being transformed, plus the layout of the statement being replaced. */
export interface FileChainSource extends ChainSource {
  /** The file's line ending. */
  readonly newline: string;
  /** The indentation of the line the replaced code starts on. */
  readonly indent: string;
  /** Lines as text at the replaced code's indentation (plus `depth` levels). */
  render(lines: CodeLines, depth?: number): string;
}

/** Reads the twin's text of a file's nodes for lowering a chain written in `container`. */
export function chainSource(context: TransformContext, container: ts.Node): FileChainSource {
  const text = context.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = indentationAt(text, context.start(container));
  const unit = indentUnit(text);
  const used = context.generatedNames;
  return {
    newline,
    indent,
    typeScript: /\.[cm]?tsx?$/.test(context.fileName),
    text: (node) => context.edits.render(context.start(node), node.end),
    untouched: (start, end) => !context.edits.touches(start, end),
    blockBody(block) {
      const inner = context.edits.render(context.start(block) + 1, block.end - 1);
      const trimmed = inner.replace(/^\s*\n/, '').trimEnd();
      const body = trimmed.trimStart();
      return {
        text: body,
        indent: trimmed.slice(0, trimmed.length - body.length),
        verbatim: holdsMultilineLiteral(block, context.tree),
      };
    },
    fresh(base) {
      for (let n = 0; ; n += 1) {
        const name = n === 0 ? base : `${base}${n}`;
        if (!used.has(name) && !new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(text)) {
          used.add(name);
          return name;
        }
      }
    },
    render: (lines, depth = 0) => {
      const rendered = lines.render(indent + unit.repeat(depth), unit, newline);
      return depth === 0 ? rendered : indent + unit.repeat(depth) + rendered;
    },
  };
}

function indentationAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, position))?.[0] ?? '';
}

/** The file's indentation step: a tab, or the smallest indentation of its first indented lines. */
function indentUnit(text: string): string {
  const indents = text.match(/^[ \t]+(?=\S)/gm)?.slice(0, 100) ?? [];
  if (indents.some((indent) => indent.startsWith('\t'))) return '\t';
  const widths = indents.map((indent) => indent.length).filter((width) => width > 0);
  return ' '.repeat(widths.length === 0 ? 2 : Math.min(...widths));
}

/** Whether a node holds a string or template spanning lines (re-indenting its lines would change it). */
function holdsMultilineLiteral(node: ts.Node, tree: ts.SourceFile): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (
      ts.isStringLiteral(child) ||
      ts.isNoSubstitutionTemplateLiteral(child) ||
      ts.isTemplateExpression(child)
    ) {
      if (/[\r\n]/.test(child.getText(tree))) found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}
