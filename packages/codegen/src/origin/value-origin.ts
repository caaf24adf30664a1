import { isBuiltin } from 'node:module';
import ts from 'typescript';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { TransformContext } from '../transform/transform-context.js';
import { unwrap } from '../rules/call-root.js';
import { isAsyncFunction } from './is-async-function.js';
import { localBinding } from './local-binding.js';
import { returnedExpressions } from './returned-expressions.js';
import { judgeImport } from './import-verdict.js';
import { type ChainStep, valueChain } from './value-chain.js';

/**
 * Where a value in the async source comes from, as far as syntax can tell, and so what it is in the twin.
 *
 * - `sync`: the twin computes it synchronously (a converted or mapped function, a declaration of the file).
 * - `unknown`: a parameter, `this`, a global or a literal: the caller's business (the type-aware pass checks
 *   what types can tell).
 * - `awaited`: it is an `await` itself, judged where it is written.
 * - `foreign`: a module that is neither converted nor mapped: the twin still gets whatever it returns.
 * - `unfollowed`: a mapped module reached through a local alias the mapping does not rewrite
 *   (`const fsp = fs.promises; fsp.readFile()`): the twin would call the async function.
 */
export type Origin =
  | { readonly kind: 'sync' | 'unknown' | 'awaited' }
  | {
      readonly kind: 'foreign' | 'unfollowed';
      readonly module: string;
      /** The export (or member path) used, for messages; `undefined` for the module object itself. */
      readonly name: string | undefined;
      readonly builtin: boolean;
      /** Whether the value is a call's result (not a name, a member or the module object). */
      readonly called: boolean;
      /** Whether the export is known to return a promise (`promisify`, a `…/promises` module). */
      readonly promising: boolean;
      /**
       * Whether the module has a mapping entry: its author listed the exports that are async, so an
       * unlisted one is taken to be sync where the source does not await it explicitly.
       */
      readonly listed: boolean;
      /** Whether it is a member of a global (`process.stdin`) rather than of a module. */
      readonly global?: boolean;
      /** The local alias the value was reached through, if any. */
      readonly alias: string | undefined;
    };

const MAX_ALIAS_DEPTH = 8;

/** Where `expression`'s value comes from (see {@link Origin}). */
export function originOf(expression: ts.Expression, context: TransformContext): Origin {
  return trace(expression, { steps: [], followed: 0 }, 0, undefined, context);
}

/** Steps applied to a value further out, and how many of the first ones a mapping rule rewrites. */
interface OuterSteps {
  readonly steps: readonly ChainStep[];
  readonly followed: number;
}

function trace(
  expression: ts.Expression,
  outer: OuterSteps,
  depth: number,
  alias: string | undefined,
  context: TransformContext,
): Origin {
  const bare = unwrap(expression);
  if (ts.isAwaitExpression(bare)) return { kind: 'awaited' };
  // A rule may have replaced the value, or a call inside its callee chain, by a sync counterpart
  // (`promisify(fs.stat)(p)` → `fs.statSync(p)`).
  if (rewrittenInside(bare, context)) return { kind: 'sync' };
  const chain = valueChain(bare);
  const steps = [...chain.steps, ...outer.steps];
  const inside = chain.steps.length + outer.followed;
  const root = chain.root;
  if (!root) return { kind: 'unknown' };
  const imported = context.importBinding(root, root.text);
  if (imported) return judgeImport(imported, steps, inside, alias, context);
  const required = requiredModule(root, chain.rootCall, context);
  if (required) return judgeImport(required, steps.slice(1), inside - 1, alias, context);
  const local = localBinding(root, root.text, context);
  if (!local) return globalOrigin(root, steps);
  if (local.kind === 'opaque' || depth >= MAX_ALIAS_DEPTH) return { kind: 'unknown' };
  if (local.kind === 'declared') return declaredOrigin(local.node, steps, depth, context);
  const pattern = local.path.map((name): ChainStep => ({ kind: 'member', name }));
  // A destructuring a mapping rule rewrote (`const { lstat } = fsp`) is followed like a member read.
  const followed = context.followedPatterns.has(local.declaration) ? pattern.length : 0;
  return trace(
    local.initializer,
    { steps: [...pattern, ...steps], followed },
    depth + 1,
    alias ?? root.text,
    context,
  );
}

/**
 * A function of this file that is not async stays as it is in the twin: calling it gives what its
 * `return`s give, so a promise it returns from a foreign module reaches the caller.
 */
function declaredOrigin(
  declaration: ts.Node,
  steps: readonly ChainStep[],
  depth: number,
  context: TransformContext,
): Origin {
  if (!ts.isFunctionDeclaration(declaration) || steps[0]?.kind !== 'call') return { kind: 'sync' };
  if (isAsyncFunction(declaration) || declaration.asteriskToken || !declaration.body) return { kind: 'sync' };
  for (const returned of returnedExpressions(declaration.body)) {
    const origin = trace(returned, { steps: [], followed: 0 }, depth + 1, declaration.name?.text, context);
    if (origin.kind === 'unfollowed' || (origin.kind === 'foreign' && origin.called)) return origin;
  }
  return { kind: 'sync' };
}

/** Whether a rule already judged this expression, or a call inside its callee chain (see `judgedValues`). */
function rewrittenInside(expression: ts.Expression, context: TransformContext): boolean {
  if (context.judgedValues.size === 0) return false;
  let current: ts.Expression = expression;
  for (;;) {
    current = unwrap(current);
    if (context.judgedValues.has(current)) return true;
    if (ts.isCallExpression(current) || ts.isNewExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))
      current = current.expression;
    else return false;
  }
}

/** `require('x')` written where it is used (not bound at the top level) works like an import of `x`. */
function requiredModule(
  root: ts.Identifier,
  call: ts.CallExpression | undefined,
  context: TransformContext,
): ImportBinding | undefined {
  if (root.text !== 'require' || !call || call.arguments.length !== 1) return undefined;
  const literal = call.arguments[0];
  if (!literal || !ts.isStringLiteralLike(literal) || !context.isGlobal(root, 'require')) return undefined;
  return {
    local: 'require',
    imported: '*',
    shape: 'namespace',
    specifier: literal.text,
    specifierNode: literal,
    node: call,
    declaration: call,
    typeOnly: false,
    commonJs: true,
  };
}

/** Globals whose members are streams of input: iterating them waits for data. */
const STREAM_GLOBALS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['process', new Set(['stdin', 'stdout', 'stderr'])],
]);

function globalOrigin(root: ts.Identifier, steps: readonly ChainStep[]): Origin {
  const first = steps[0];
  const members = STREAM_GLOBALS.get(root.text);
  if (members && first?.kind === 'member' && members.has(first.name)) {
    return {
      kind: 'foreign',
      module: root.text,
      name: `${root.text}.${first.name}`,
      builtin: true,
      called: false,
      promising: false,
      listed: false,
      global: true,
      alias: undefined,
    };
  }
  return { kind: 'unknown' };
}

/** Whether a specifier names a Node.js built-in module. */
export function isBuiltinModule(specifier: string): boolean {
  return isBuiltin(specifier);
}
