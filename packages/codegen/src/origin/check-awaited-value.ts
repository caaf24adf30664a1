import type ts from 'typescript';
import type { TransformContext } from '../transform/transform-context.js';
import { type Origin, originOf } from './value-origin.js';

/**
 * How the source waits for a value:
 * - `await`: an explicit `await` (anything from a foreign module is reported);
 * - `implicit`: a `return` or arrow body of an async function, a `yield` of an async generator, an element
 *   of `Promise.all` (a call of a foreign package, or a promise-returning built-in, is reported);
 * - `iterate`: `for await` or `yield*` in an async generator (any foreign value is reported).
 */
export type AwaitKind = 'await' | 'implicit' | 'iterate';

/**
 * Reports a value the source waits for that the twin would still hold as a promise or async iterable: it
 * comes from a module that is neither converted nor mapped, or from a mapped module through a local
 * alias the mapping does not rewrite. Checked once every rule has run (a rule may have replaced it).
 */
export function checkAwaitedValue(
  expression: ts.Expression,
  how: AwaitKind,
  context: TransformContext,
): void {
  context.finishers.push(() => {
    const origin = originOf(expression, context);
    if (origin.kind === 'unfollowed') reportUnfollowed(expression, origin, context);
    else if (origin.kind === 'foreign' && isReported(origin, how))
      reportForeign(expression, origin, how, context);
  });
}

type Outside = Extract<Origin, { kind: 'foreign' | 'unfollowed' }>;

function isReported(origin: Outside, how: AwaitKind): boolean {
  if (how !== 'implicit') return true;
  return origin.promising || (!origin.builtin && !origin.listed && origin.called);
}

function reportForeign(
  expression: ts.Expression,
  origin: Outside,
  how: AwaitKind,
  context: TransformContext,
): void {
  const what = origin.global
    ? `the global \`${origin.name}\``
    : origin.name === undefined
      ? `'${origin.module}'`
      : `\`${origin.name}\` from '${origin.module}'`;
  const through = origin.alias === undefined ? '' : ` (through \`${origin.alias}\`)`;
  const consequence =
    how === 'iterate'
      ? 'so the twin would iterate an async iterable with `for … of`'
      : how === 'implicit'
        ? 'and the async source awaits it implicitly (what an async function returns or yields is awaited), so the twin would pass on a Promise'
        : 'so the twin would receive a Promise where it awaited a value';
  if (origin.global) {
    context.report(
      'unmapped-await',
      expression,
      `${what}${through} is an async stream of input, ${consequence}`,
      'read it with a blocking call (`fs.readFileSync(0)` for stdin) in an `if (IS_ASYNC)` branch',
    );
    return;
  }
  context.report(
    'unmapped-await',
    expression,
    `${what}${through} has no sync mapping, ${consequence}`,
    `map it in the config (\`mappings: { '${origin.module}': { exports: { ${suggestedEntry(origin.name)} } } }\`), ` +
      `declare the module color-agnostic (\`{ same: true }\`, or per export), or keep this call in an \`if (IS_ASYNC)\` branch`,
  );
}

/** `name: 'nameSync'`, or for a member of an exported object `object: { members: { name: 'nameSync' } }`. */
function suggestedEntry(name: string | undefined): string {
  const [exported = 'name', member] = (name ?? '').split('.').filter((part) => part !== '');
  return member === undefined
    ? `${exported}: 'nameSync'`
    : `${exported}: { members: { ${member}: '${member}Sync' } }`;
}

function reportUnfollowed(expression: ts.Expression, origin: Outside, context: TransformContext): void {
  context.report(
    'unmapped-await',
    expression,
    `\`${origin.name ?? origin.module}\` from '${origin.module}' is reached through the local \`${origin.alias}\`, which the mapping does not follow: the twin would call the async function`,
    `use the mapped name where it is called (import \`${origin.name?.split('.').pop() ?? 'it'}\` by name, or call it on the module object directly)`,
  );
}
