import ts from 'typescript';
import { nameOf } from './identifier-named.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { identifierRole } from './identifier-role.js';
import { typeNeedsParens } from './type-precedence.js';

/** Wrappers that disappear: `Promise<T>`, `PromiseLike<T>` and `Awaited<T>` all become `T`. */
const UNWRAPPED = new Set(['Promise', 'PromiseLike', 'Awaited']);

/** Async library types and their sync counterparts (same type parameters in TypeScript's lib). */
export const SYNC_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['AsyncIterable', 'Iterable'],
  ['AsyncIterator', 'Iterator'],
  ['AsyncIterableIterator', 'IterableIterator'],
  ['AsyncGenerator', 'Generator'],
  ['AsyncGeneratorFunction', 'GeneratorFunction'],
  ['AsyncIteratorObject', 'IteratorObject'],
  ['AsyncDisposable', 'Disposable'],
  ['AsyncDisposableStack', 'DisposableStack'],
]);

/**
 * Types wherever they occur — annotations, overloads, interfaces, generics, `.d.ts` files and JSDoc
 * type tags: promise wrappers are unwrapped and async library types renamed, when the name is the
 * global one (a type the file declares or imports under that name is left alone).
 */
export const asyncTypes: Rule = {
  name: 'async-types',
  kinds: [ts.SyntaxKind.TypeReference, ts.SyntaxKind.Identifier, ts.SyntaxKind.UnionType],
  identifierNames: () => SYNC_TYPE_NAMES.keys(),
  isNeeded: (context) => context.usesAnyName(UNWRAPPED) || context.usesAnyName(SYNC_TYPE_NAMES.keys()),
  needles: () => [...UNWRAPPED, ...SYNC_TYPE_NAMES.keys()],
  visit(node, context) {
    if (ts.isUnionTypeNode(node)) {
      context.finishers.push(() => collapseDuplicateMembers(node, context));
      return;
    }
    if (ts.isIdentifier(node)) {
      // Type positions and values alike (`new AsyncDisposableStack()`), but never a property name.
      const synced = SYNC_TYPE_NAMES.get(node.text);
      if (synced !== undefined && identifierRole(node) === 'reference' && context.isGlobal(node, node.text)) {
        context.edits.replace(context.start(node), node.end, synced);
      }
      return;
    }
    const name = (node as ts.TypeReferenceNode).typeName;
    if (ts.isIdentifier(name) && UNWRAPPED.has(nameOf(name)) && context.isGlobal(node, name.text)) {
      unwrap(node as ts.TypeReferenceNode, name.text, context);
    }
  },
};

function unwrap(node: ts.TypeReferenceNode, name: string, context: TransformContext): void {
  const argument = node.typeArguments?.[0];
  if (!argument || node.typeArguments.length !== 1) {
    if (node.flags & ts.NodeFlags.JSDoc) {
      context.edits.replace(context.start(node), node.end, '*');
      return;
    }
    context.report(
      'unsupported-type',
      node,
      `\`${name}\` without one type argument has no sync counterpart`,
      `write \`${name}<T>\``,
    );
    return;
  }
  const parens = typeNeedsParens(argument, node);
  context.edits.replace(context.start(node), context.start(argument), parens ? '(' : '');
  context.edits.replace(argument.end, node.end, parens ? ')' : '');
}

/** `T | Promise<T>` became `T | T`: keep the first of members that now read the same. */
function collapseDuplicateMembers(node: ts.UnionTypeNode, context: TransformContext): void {
  const seen = new Map<string, boolean>();
  const members = node.types;
  for (const [index, member] of members.entries()) {
    const start = context.start(member);
    const rendered = context.edits.render(start, member.end).trim();
    const changed = rendered !== context.text.slice(start, member.end).trim();
    const previous = members[index - 1];
    const earlierChanged = seen.get(rendered);
    if (earlierChanged !== undefined && (changed || earlierChanged) && previous) {
      context.edits.replaceRegion(previous.end, member.end, '');
      continue;
    }
    seen.set(rendered, changed);
  }
}
