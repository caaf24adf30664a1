import ts from 'typescript';
import { leadingJsDoc } from '../parser/on-demand-jsdoc.js';
import type { NeedleHits } from './needle-hits.js';
import type { Rule, Walker } from './rule.js';
import type { TransformContext } from './transform-context.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Walks a tree once, depth first, offering each node to the rules registered for its kind; JSDoc
 * comments are walked too, since their type tags are rewritten like any other type.
 *
 * The parser sets no parent pointers (that costs about a quarter of a parse). Rules only ever look at
 * the ancestors of the node they are given, which are exactly the walk's current path, so the walk
 * links parents along that path, lazily, just before it calls a rule. Identifiers, the most common node,
 * are only offered to rules when their name is one some rule cares about.
 */
export function createWalker(rules: readonly Rule[], context: TransformContext, hits: NeedleHits): Walker {
  // Arrays indexed by syntax kind: the walk's per-node work must stay a few property reads.
  const byKind: (Rule[] | undefined)[] = [];
  for (const rule of rules) {
    for (const kind of rule.kinds) byKind[kind] = [...(byKind[kind] ?? []), rule];
  }
  const identifierRules = byKind[ts.SyntaxKind.Identifier] ?? [];
  byKind[ts.SyntaxKind.Identifier] = undefined;
  const wanted = interestingNames(identifierRules, context);
  const renamed = context.localRenames;
  const silenced = context.hasIgnoredRanges;
  const positions = hits.code;
  const onDemand = context.source.jsDocOnDemand === true;
  const docPositions = hits.jsDoc;
  const wantedComment = (start: number, end: number): boolean =>
    docPositions === undefined || holdsCandidate(docPositions, start, end);
  const claimedComments = new Set<number>();
  const path: ts.Node[] = [];
  let depth = 0;
  // path[i].parent is set for every i < linked.
  let linked = 0;
  const link = (): void => {
    for (let i = linked > 0 ? linked : 1; i < depth; i += 1) {
      (path[i] as Mutable<ts.Node>).parent = path[i - 1] as ts.Node;
    }
    linked = depth;
  };
  const visit = (node: ts.Node): void => {
    if (positions !== undefined && !holdsCandidate(positions, node.pos, node.end)) return;
    if (silenced && context.isIgnoredNode(node)) return;
    const kind = node.kind;
    if (kind === ts.SyntaxKind.Identifier) {
      let name = (node as ts.Identifier).escapedText as string;
      // `escapedText` is `text` (without the cost of its getter) except for names starting with `__`.
      if (name.charCodeAt(0) === 95 && name.charCodeAt(1) === 95) name = (node as ts.Identifier).text;
      if (wanted === undefined || wanted.has(name) || (renamed.size > 0 && renamed.has(name))) {
        path[depth++] = node;
        link();
        for (const rule of identifierRules) rule.visit(node, context, walker);
        depth -= 1;
        if (linked > depth) linked = depth;
      }
      return;
    }
    path[depth++] = node;
    const interested = byKind[kind];
    let skip = false;
    if (interested !== undefined) {
      link();
      for (const rule of interested) {
        if (rule.visit(node, context, walker) === 'skip-children') {
          skip = true;
          break;
        }
      }
    }
    if (!skip) {
      if (mayHaveJsDoc(node)) {
        const docs = onDemand
          ? leadingJsDoc(node, context.text, wantedComment, claimedComments)
          : (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
        if (docs !== undefined) for (const doc of docs) visit(doc);
      }
      ts.forEachChild(node, visit);
    }
    depth -= 1;
    if (linked > depth) linked = depth;
  };
  const walker: Walker = {
    walk(node: ts.Node): void {
      // Called on the whole file, or by a rule on a part of the node it is visiting (already on the path).
      visit(node);
    },
  };
  return walker;
}

/** Whether a sorted list has an offset in `[start, end)` (binary search). */
function holdsCandidate(positions: ArrayLike<number>, start: number, end: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] as number) < start) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && (positions[low] as number) < end;
}

const jsDocKinds: (boolean | undefined)[] = [];

/** Whether nodes of this kind can carry JSDoc (decided once per kind; most kinds cannot). */
function mayHaveJsDoc(node: ts.Node): boolean {
  let known = jsDocKinds[node.kind];
  if (known === undefined) {
    known = 'jsDoc' in node;
    jsDocKinds[node.kind] = known;
  }
  return known;
}

/**
 * The identifier names any rule wants to see in this file, or `undefined` when the parser does not
 * expose the file's identifier table (then every identifier is offered).
 */
function interestingNames(rules: readonly Rule[], context: TransformContext): Set<string> | undefined {
  if (!(context.tree as { identifiers?: unknown }).identifiers) return undefined;
  const names = new Set<string>(context.renamedNames());
  for (const rule of rules) for (const name of rule.identifierNames?.(context) ?? []) names.add(name);
  for (const name of context.localRenames.keys()) names.add(name);
  return names;
}

/** Sets parent pointers on a whole tree (needed before the walk only by directive lookups). */
export function setParents(tree: ts.SourceFile): void {
  const visit = (node: ts.Node): void => {
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
    for (const doc of docs ?? []) {
      (doc as Mutable<ts.Node>).parent = node;
      visit(doc);
    }
    ts.forEachChild(node, (child) => {
      (child as Mutable<ts.Node>).parent = node;
      visit(child);
    });
  };
  visit(tree);
}
