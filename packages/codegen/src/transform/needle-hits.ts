import ts from 'typescript';
import { escapeRegExp } from './escape-reg-exp.js';
import type { Rule } from './rule.js';
import type { TransformContext } from './transform-context.js';

/** Where the rules of a file may act, as sorted text offsets; `undefined` means anywhere. */
export interface NeedleHits {
  /** Whole-word occurrences of every rule's needles: the walk descends only into nodes holding one. */
  readonly code: Int32Array | undefined;
  /**
   * The subset a rule can act on inside a JSDoc comment (rules of kinds JSDoc can hold): only comments
   * holding one are parsed, so prose ("asynchronous", "then", `runPromise` in an example) costs nothing.
   */
  readonly jsDoc: Int32Array | undefined;
  /**
   * The subset of `code` that can make a rule act in a top-level statement with no other needle (see
   * `Rule.statementNeedles`): what a file parsed in part must not have skipped.
   */
  readonly statements: Int32Array | undefined;
}

/** Kinds a JSDoc comment's own tree can hold: names, types, `@link` paths, `@augments` expressions, tags. */
function canOccurInJsDoc(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.Identifier ||
    kind === ts.SyntaxKind.QualifiedName ||
    kind === ts.SyntaxKind.PropertyAccessExpression ||
    kind === ts.SyntaxKind.ExpressionWithTypeArguments ||
    (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode) ||
    (kind >= ts.SyntaxKind.FirstJSDocNode && kind <= ts.SyntaxKind.LastJSDocNode)
  );
}

/**
 * Finds the needles of the file's rules in one pass over its text (one pattern for all words: several
 * times faster than a search per word). A word counts only where it stands whole — `Promise`, not
 * `runPromise` — except on its left when it starts with a non-word character (`@async`).
 */
export function findNeedleHits(rules: readonly Rule[], context: TransformContext): NeedleHits {
  const words = new Set<string>();
  const jsDocWords = new Set<string>();
  const statementWords = new Set<string>();
  const patterns: RegExp[] = [];
  const jsDocPatterns: RegExp[] = [];
  for (const rule of rules) {
    if (rule.needles === undefined) return ANYWHERE;
    const inJsDoc = rule.kinds.some(canOccurInJsDoc);
    const statementNeedles = rule.statementNeedles?.(context);
    for (const needle of statementNeedles ?? []) statementWords.add(needle);
    for (const needle of rule.needles(context)) {
      if (typeof needle !== 'string') {
        patterns.push(needle);
        if (inJsDoc) jsDocPatterns.push(needle);
      } else if (needle === '') {
        return ANYWHERE;
      } else {
        words.add(needle);
        if (inJsDoc) jsDocWords.add(needle);
        if (statementNeedles === undefined) statementWords.add(needle);
      }
    }
  }
  const code: number[] = [];
  const jsDoc: number[] = [];
  const statements: number[] = [];
  if (words.size > 0) {
    for (const match of context.text.matchAll(wordPattern(words))) {
      code.push(match.index);
      if (jsDocWords.has(match[0])) jsDoc.push(match.index);
      if (statementWords.has(match[0])) statements.push(match.index);
    }
  }
  for (const pattern of patterns) {
    for (const match of context.text.matchAll(pattern)) {
      code.push(match.index);
      statements.push(match.index);
      if (jsDocPatterns.includes(pattern)) jsDoc.push(match.index);
    }
  }
  // Typed arrays sort numerically without a comparator call per pair.
  const sorted = (list: number[]) => Int32Array.from(list).sort();
  return { code: sorted(code), jsDoc: sorted(jsDoc), statements: sorted(statements) };
}

const ANYWHERE: NeedleHits = { code: undefined, jsDoc: undefined, statements: undefined };

const cache = new Map<string, RegExp>();

function wordPattern(words: ReadonlySet<string>): RegExp {
  const sorted = [...words].sort();
  const key = sorted.join('\0');
  let pattern = cache.get(key);
  if (pattern === undefined) {
    const [leftBounded, leftFree] = [sorted.filter(isWordStart), sorted.filter((w) => !isWordStart(w))];
    // Longest first, so that `PromiseLike` is not cut short by `Promise` and then refused as not whole.
    const alternation = (list: string[]) =>
      list
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|');
    const branches = [];
    if (leftBounded.length > 0) branches.push(`(?<![\\w$])(?:${alternation(leftBounded)})(?![\\w$])`);
    if (leftFree.length > 0) branches.push(`(?:${alternation(leftFree)})(?![\\w$])`);
    pattern = new RegExp(branches.join('|'), 'g');
    if (cache.size > 256) cache.clear();
    cache.set(key, pattern);
  }
  return pattern;
}

function isWordStart(word: string): boolean {
  return /^[\w$]/.test(word);
}
