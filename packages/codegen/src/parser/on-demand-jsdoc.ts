import ts from 'typescript';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** TypeScript's own parser for one JSDoc comment at its place in a file (not in its public typings). */
type IsolatedJsDocParser = (
  content: string,
  start: number,
  length: number,
) => { jsDoc: ts.JSDoc } | undefined;

const parseIsolated = (ts as unknown as { parseIsolatedJSDocComment?: IsolatedJsDocParser })
  .parseIsolatedJSDocComment;

/**
 * Whether JSDoc can be parsed on demand with this `typescript`: the package is pinned, and its 6.0 line is
 * the last written in TypeScript, so the internal entry point cannot move under us; should it be missing,
 * files are parsed with their JSDoc as before.
 */
export const canParseJsDocOnDemand: boolean = typeof parseIsolated === 'function';

/** Node kinds whose JSDoc may also trail their start (`(/** @type {T} *\/ x)`), as TypeScript attaches it. */
const TRAILING_TOO = new Set([
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.ExportSpecifier,
]);

/**
 * The JSDoc comments in front of `node`, parsed now: the ones `wanted` accepts (by their range) and
 * `claimed` has not seen, each claimed so that nodes sharing a start do not parse one comment twice.
 *
 * About half the bytes of a documented library are JSDoc, and a sync twin needs to edit only the few
 * comments that mention an async word; parsing the rest with the tree costs a third of a parse.
 */
export function leadingJsDoc(
  node: ts.Node,
  text: string,
  wanted: (start: number, end: number) => boolean,
  claimed: Set<number>,
): ts.JSDoc[] | undefined {
  if (parseIsolated === undefined) return undefined;
  const leading = ts.getLeadingCommentRanges(text, node.pos);
  const ranges = TRAILING_TOO.has(node.kind)
    ? [...(ts.getTrailingCommentRanges(text, node.pos) ?? []), ...(leading ?? [])]
    : leading;
  if (ranges === undefined) return undefined;
  const docs: ts.JSDoc[] = [];
  for (const range of ranges) {
    if (!isJsDocComment(text, range, node.end) || claimed.has(range.pos) || !wanted(range.pos, range.end))
      continue;
    claimed.add(range.pos);
    const doc = parseIsolated(text, range.pos, range.end - range.pos)?.jsDoc;
    if (doc === undefined) continue;
    (doc as Mutable<ts.Node>).parent = node;
    docs.push(doc);
  }
  return docs.length > 0 ? docs : undefined;
}

/** `/** … *\/`, not `/**\/`, and inside the node (TypeScript's test, for the same attachments). */
function isJsDocComment(text: string, range: ts.CommentRange, nodeEnd: number): boolean {
  return (
    range.end <= nodeEnd &&
    text.charCodeAt(range.pos + 1) === 42 &&
    text.charCodeAt(range.pos + 2) === 42 &&
    text.charCodeAt(range.pos + 3) !== 47
  );
}
