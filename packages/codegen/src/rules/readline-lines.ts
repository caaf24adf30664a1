import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { builtinExportOf } from './builtin-export.js';
import { unwrap } from './call-root.js';
import { isIdentifierNamed } from './identifier-named.js';
import { linkParents, localDeclarationOf, referencesIn } from './local-declaration.js';

/** The `createReadStream` options a blocking line reader has (the rest have no sync meaning). */
const STREAM_OPTIONS = new Set([
  'encoding',
  'start',
  'end',
  'highWaterMark',
  'flags',
  'mode',
  'autoClose',
  'emitClose',
]);
const READLINE = /^(?:node:)?readline$/;

/**
 * `for await` loops this rule rewrote or refused; a rule that refuses `for await` over values of
 * unconverted modules leaves these to it.
 */
export const readlineLoops = new WeakSet<ts.ForOfStatement>();

/**
 * The readline-over-a-file idiom,
 * `for await (const line of readline.createInterface({ input: fs.createReadStream(path, options), crlfDelay: Infinity }))`,
 * directly or through a `const rl = readline.createInterface(…)` used only by that loop, becomes
 * `for (const line of readLinesSync(path, options))` from the runtime, which cuts lines as readline does.
 * Any other readline interface iterated with `for await` is an error: its lines arrive through the event loop.
 */
export const readlineLines: Rule = {
  name: 'readline-lines',
  kinds: [ts.SyntaxKind.ForOfStatement],
  isNeeded: (context) => readlineLocals(context).length > 0 && context.textIncludes('await'),
  needles: (context) => readlineLocals(context),
  visit(node, context) {
    const loop = node as ts.ForOfStatement;
    if (!loop.awaitModifier) return undefined;
    (loop.expression as { parent: ts.Node }).parent = loop;
    linkParents(loop.expression);
    const iterated = unwrap(loop.expression);
    const call = interfaceCall(iterated, context);
    if (call === undefined) return undefined;
    readlineLoops.add(loop);
    const problem = call.sharedWith ?? idiomProblem(call.node, context);
    if (problem !== undefined) {
      context.report(
        'no-sync-meaning',
        call.node,
        `a readline interface iterated with \`for await\` has no sync twin unless it reads a file: ${problem}`,
        'read the file with `for await (const line of readline.createInterface({ input: createReadStream(path), crlfDelay: Infinity }))`, which becomes `readLinesSync(path)`, or keep this loop in an `if (IS_ASYNC)` branch',
      );
      return undefined;
    }
    rewrite(call.node, context);
    return undefined;
  },
};

function readlineLocals(context: TransformContext): string[] {
  const locals: string[] = [];
  for (const binding of context.bindings.values())
    if (READLINE.test(binding.specifier)) locals.push(binding.local);
  return locals;
}

/**
 * The `createInterface(…)` call a loop iterates: written in the loop, or bound to a name; `sharedWith`
 * says why the name cannot be rewritten (it is not a `const` used by the loop alone).
 */
function interfaceCall(
  iterated: ts.Expression,
  context: TransformContext,
): { node: ts.CallExpression; sharedWith?: string } | undefined {
  if (isCreateInterface(iterated, context)) return { node: iterated as ts.CallExpression };
  if (!ts.isIdentifier(iterated)) return undefined;
  const declaration = localDeclarationOf(iterated, context);
  if (declaration?.kind !== 'variable' || !declaration.node.initializer) return undefined;
  const initializer = unwrap(declaration.node.initializer);
  if (!isCreateInterface(initializer, context)) return undefined;
  const call = initializer as ts.CallExpression;
  const others = referencesIn(declaration.scope, iterated.text, declaration.node.name).filter(
    (reference) => reference.node !== iterated,
  );
  if (!declaration.constant || others.length > 0) {
    return {
      node: call,
      sharedWith: `\`${iterated.text}\` is used besides the loop (or reassigned), which a blocking line reader cannot follow`,
    };
  }
  return { node: call };
}

function isCreateInterface(expression: ts.Expression, context: TransformContext): boolean {
  if (!ts.isCallExpression(expression)) return false;
  const target = builtinExportOf(expression.expression, context);
  return target?.module === 'node:readline' && target.name === 'createInterface';
}

/** Why a `createInterface(…)` call is not the file idiom, or `undefined` when it is. */
function idiomProblem(call: ts.CallExpression, context: TransformContext): string | undefined {
  const [options, ...rest] = call.arguments;
  if (options === undefined || rest.length > 0 || !ts.isObjectLiteralExpression(unwrap(options))) {
    return 'its options are not an object literal';
  }
  let input: ts.Expression | undefined;
  for (const property of (unwrap(options) as ts.ObjectLiteralExpression).properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name))
      return 'its options are not plain `name: value` pairs';
    if (property.name.text === 'input') input = unwrap(property.initializer);
    else if (property.name.text === 'crlfDelay') {
      const delay = unwrap(property.initializer);
      if (!isIdentifierNamed(delay, 'Infinity') && !ts.isNumericLiteral(delay))
        return '`crlfDelay` is not `Infinity` or a number';
    } else return `the option \`${property.name.text}\` has no sync meaning`;
  }
  if (input === undefined || !ts.isCallExpression(input)) return 'its `input` is not `createReadStream(…)`';
  const stream = builtinExportOf(input.expression, context);
  if (stream?.module !== 'node:fs' || stream.name !== 'createReadStream')
    return 'its `input` is not `createReadStream(…)` of node:fs';
  const [path, streamOptions, ...extra] = input.arguments;
  if (path === undefined || extra.length > 0 || input.arguments.some(ts.isSpreadElement))
    return '`createReadStream` is not called with a path and options';
  if (streamOptions === undefined) return undefined;
  const value = unwrap(streamOptions);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return undefined;
  if (!ts.isObjectLiteralExpression(value)) return 'the `createReadStream` options are not a literal';
  for (const property of value.properties) {
    const name =
      ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)
        ? property.name
        : undefined;
    if (name === undefined || !ts.isIdentifier(name))
      return 'the `createReadStream` options are not plain `name: value` pairs';
    if (!STREAM_OPTIONS.has(name.text))
      return `the \`createReadStream\` option \`${name.text}\` has no sync meaning`;
  }
  return undefined;
}

/** `readline.createInterface({ input: createReadStream(a, b), … })` → `readLinesSync(a, b)`, keeping `a` and `b` as written. */
function rewrite(call: ts.CallExpression, context: TransformContext): void {
  const options = unwrap(call.arguments[0] as ts.Expression) as ts.ObjectLiteralExpression;
  let input: ts.CallExpression | undefined;
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && isIdentifierNamed(property.name, 'input'))
      input = unwrap(property.initializer) as ts.CallExpression;
  }
  const args = (input as ts.CallExpression).arguments;
  const first = args[0] as ts.Expression;
  const last = args[args.length - 1] as ts.Expression;
  context.edits.replace(context.start(call), context.start(first), 'readLinesSync(');
  context.edits.replace(last.end, call.end, ')');
  context.needImport(context.runtimeModule, 'readLinesSync');
}
