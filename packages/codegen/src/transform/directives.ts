import ts from 'typescript';
import { setParents } from './walk.js';

/** A directive comment that went wrong (an unmatched start or end), reported by the transform. */
export interface DirectiveProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** What the directive comments of a file ask for. */
export interface Directives {
  /** Ranges copied verbatim: no edits, no diagnostics. */
  readonly ignored: (readonly [number, number])[];
  /** Statements and members left out of the sync twin. */
  readonly skipped: ts.Node[];
  readonly problems: DirectiveProblem[];
}

const DIRECTIVE = /(?:\/\/|\/\*+|^\s*\*)\s*@?anysync-(ignore-next-line|ignore-start|ignore-end|skip)\b/gm;

/**
 * Finds the directive comments: `// anysync-ignore-next-line` (the statement that starts on the next
 * line is copied as it is), `// anysync-ignore-start` … `// anysync-ignore-end` (a verbatim range), and
 * `// anysync-skip` or a JSDoc `@anysync-skip` tag (the declaration that follows is left out of the twin).
 */
export function findDirectives(tree: ts.SourceFile): Directives {
  const text = tree.text;
  const directives: Directives = { ignored: [], skipped: [], problems: [] };
  if (!text.includes('anysync-')) return directives;
  // Finding the declaration a JSDoc tag belongs to needs parent pointers, which the parser skipped.
  setParents(tree);
  let openStart: number | undefined;
  for (const match of text.matchAll(DIRECTIVE)) {
    const at = match.index ?? 0;
    if (insideLiteral(tree, at + match[0].length - 1)) continue;
    const kind = match[1];
    const lineEnd = endOfLine(text, at);
    if (kind === 'ignore-next-line') {
      const next = Math.min(lineEnd + 1, text.length);
      directives.ignored.push([
        next,
        Math.max(endOfLine(text, next), outermostStartingAt(tree, next)?.end ?? 0),
      ]);
    } else if (kind === 'ignore-start') {
      if (openStart !== undefined)
        directives.problems.push({
          start: at,
          end: lineEnd,
          message: '`anysync-ignore-start` inside another ignored range',
        });
      openStart = lineEnd;
    } else if (kind === 'ignore-end') {
      if (openStart === undefined)
        directives.problems.push({
          start: at,
          end: lineEnd,
          message: '`anysync-ignore-end` without a matching `anysync-ignore-start`',
        });
      else directives.ignored.push([openStart, at]);
      openStart = undefined;
    } else {
      const target = declarationAfter(tree, at);
      if (target) directives.skipped.push(target);
      else
        directives.problems.push({
          start: at,
          end: lineEnd,
          message: '`anysync-skip` must precede a statement or a class member',
        });
    }
  }
  if (openStart !== undefined) {
    directives.problems.push({
      start: openStart,
      end: openStart,
      message: '`anysync-ignore-start` is never closed by `anysync-ignore-end`',
    });
  }
  return directives;
}

function endOfLine(text: string, position: number): number {
  const end = text.indexOf('\n', position);
  return end === -1 ? text.length : end;
}

function insideLiteral(tree: ts.SourceFile, position: number): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || position < node.getStart(tree) || position >= node.end) return;
    if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateLiteralToken(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(tree, visit);
  return found;
}

/** The largest node whose own text starts on the line beginning at `lineStart`. */
function outermostStartingAt(tree: ts.SourceFile, lineStart: number): ts.Node | undefined {
  const text = tree.text;
  let first = lineStart;
  while (first < text.length && (text[first] === ' ' || text[first] === '\t')) first += 1;
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.end <= first || node.pos > first) return;
    if (node.getStart(tree) === first) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(tree, visit);
  return found;
}

/** The statement or class member whose leading comments contain `position`. */
function declarationAfter(tree: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || position < node.getFullStart() || position >= node.end) return;
    const isTarget = ts.isStatement(node) || ts.isClassElement(node) || ts.isTypeElement(node);
    if (isTarget && position < node.getStart(tree)) {
      found = node;
      return;
    }
    if (
      isTarget &&
      position >= node.getStart(tree) &&
      ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'anysync-skip')
    ) {
      const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
      if (docs.some((doc) => position >= doc.pos && position < doc.end)) {
        found = node;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(tree, visit);
  return found;
}
