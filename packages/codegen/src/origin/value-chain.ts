import ts from 'typescript';
import { unwrap } from '../rules/call-root.js';

/** One step from a chain's root towards the value: a member read or a call. */
export type ChainStep = { readonly kind: 'member'; readonly name: string } | { readonly kind: 'call' };

/**
 * An expression taken apart into the name it starts from and what is done to that name on the way to the
 * value: `fs.promises.readFile(p)` is `fs` then `.promises`, `.readFile`, `()`; `h(1)(2)` is `h`, `()`,
 * `()`. `root` is absent when the chain starts elsewhere (`this`, a literal, a `new` of an expression).
 */
export interface ValueChain {
  readonly root: ts.Identifier | undefined;
  /** Steps in evaluation order, from the root outwards. */
  readonly steps: readonly ChainStep[];
  /** The call whose callee is the root itself, when the first step is a call (`require('x')`). */
  readonly rootCall: ts.CallExpression | undefined;
}

/** Takes an expression apart down to its root name, looking through parentheses, casts and `!`. */
export function valueChain(expression: ts.Expression): ValueChain {
  const steps: ChainStep[] = [];
  let current = unwrap(expression);
  let lastCall: ts.CallExpression | undefined;
  for (;;) {
    if (ts.isCallExpression(current) || ts.isNewExpression(current)) {
      steps.push({ kind: 'call' });
      lastCall = ts.isCallExpression(current) ? current : undefined;
      current = unwrap(current.expression);
    } else if (ts.isPropertyAccessExpression(current)) {
      lastCall = undefined;
      steps.push({ kind: 'member', name: current.name.text });
      current = unwrap(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      lastCall = undefined;
      const key = current.argumentExpression;
      steps.push({ kind: 'member', name: ts.isStringLiteralLike(key) ? key.text : '[]' });
      current = unwrap(current.expression);
    } else if (ts.isTaggedTemplateExpression(current)) {
      steps.push({ kind: 'call' });
      lastCall = undefined;
      current = unwrap(current.tag);
    } else break;
  }
  steps.reverse();
  const rootCall = steps[0]?.kind === 'call' && lastCall !== undefined ? lastCall : undefined;
  return { root: ts.isIdentifier(current) ? current : undefined, steps, rootCall };
}

/** Whether a chain calls something (the value is a call's result, not a name or a member read). */
export function callsSomething(chain: ValueChain): boolean {
  return chain.steps.some((step) => step.kind === 'call');
}

/** The member names read before the first call: `fs.promises.readFile(p).x` → `['promises', 'readFile']`. */
export function leadingMembers(steps: readonly ChainStep[]): string[] {
  const names: string[] = [];
  for (const step of steps) {
    if (step.kind === 'call') break;
    names.push(step.name);
  }
  return names;
}
