import ts from 'typescript';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { builtinExportOf } from './builtin-export.js';
import { unwrap } from './call-root.js';
import { isIdentifierNamed } from './identifier-named.js';
import { linkCall, localDeclarationOf } from './local-declaration.js';
import { optionBagProblem } from './option-bag.js';

/** Where the options of the functions that take an `AbortSignal` are. */
const OPTIONS_AT = new Map([
  ['readFile', 1],
  ['writeFile', 2],
  ['appendFile', 2],
]);
const NO_SYNC_OPTIONS: ReadonlySet<string> = new Set(['signal']);
/** `FileHandle` methods whose results are streams, which a blocking handle cannot give. */
const STREAM_METHODS = new Set(['createReadStream', 'createWriteStream', 'readableWebStream']);
const FS_MODULE = /^(?:node:)?fs(?:\/promises)?$/;

/**
 * Calls of mapped `node:fs/promises` functions whose `…Sync` twin differs in more than the name:
 * - `readFile`, `writeFile`, `appendFile` options that may hold a `signal` (a blocking call cannot be
 *   aborted) are errors, and so are options the generator cannot see through (fail closed);
 * - a file handle from `open()` passed as the path becomes `handle.fd` (`readFileSync` takes a descriptor);
 * - `glob()` is an async iterator and `globSync()` an array: only `for await`, `yield*` and
 *   `Array.fromAsync` treat both alike, anything else is an error;
 * - `realpath` is the native `realpath(3)`, whose twin is `realpathSync.native` (plain `realpathSync`
 *   resolves in JavaScript and fails with other messages);
 * - the stream methods of a handle from `open()` are errors.
 */
export const fsPromisesCalls: Rule = {
  name: 'fs-promises-calls',
  kinds: [ts.SyntaxKind.CallExpression],
  isNeeded: (context) => fsLocals(context).length > 0,
  needles: (context) => [...fsLocals(context), ...STREAM_METHODS],
  visit(node, context) {
    const call = node as ts.CallExpression;
    linkCall(call);
    const target = builtinExportOf(call.expression, context);
    if (target?.module !== 'node:fs/promises') {
      checkStreamMethod(call, context);
      return undefined;
    }
    const optionsAt = OPTIONS_AT.get(target.name);
    if (optionsAt !== undefined) checkCall(call, target.name, optionsAt, context);
    else if (target.name === 'glob') checkGlob(call, context);
    else if (target.name === 'realpath') context.edits.insert(call.expression.end, '.native');
    return undefined;
  },
};

function fsLocals(context: TransformContext): string[] {
  const locals: string[] = [];
  for (const binding of context.bindings.values())
    if (FS_MODULE.test(binding.specifier)) locals.push(binding.local);
  return locals;
}

function checkCall(
  call: ts.CallExpression,
  name: string,
  optionsAt: number,
  context: TransformContext,
): void {
  const spread = call.arguments.find(ts.isSpreadElement);
  if (spread !== undefined) {
    context.report(
      'no-sync-meaning',
      spread,
      `\`${name}\` called with spread arguments: the generator cannot tell whether its options hold a \`signal\`, which has no sync meaning`,
      'pass the arguments one by one',
    );
    return;
  }
  const path = call.arguments[0];
  if (path !== undefined && isFileHandle(unwrap(path), context)) context.edits.insert(path.end, '.fd');
  const options = call.arguments[optionsAt];
  if (options === undefined) return;
  const isOptionsUse = (reference: ts.Identifier, parent: ts.Node): boolean =>
    ts.isCallExpression(parent) &&
    parent.arguments[optionsAt] === reference &&
    builtinExportOf(parent.expression, context)?.name === name;
  const problem = optionBagProblem(options, NO_SYNC_OPTIONS, context, isOptionsUse);
  if (problem === undefined) return;
  context.report(
    'no-sync-meaning',
    options,
    `\`${name}\` with ${problem}: an \`AbortSignal\` has no sync meaning (\`${name}Sync\` blocks and cannot be aborted), and the generator cannot prove these options hold none`,
    'pass the options as an object literal without `signal` (keep the signal in an `if (IS_ASYNC)` branch)',
  );
}

function checkGlob(call: ts.CallExpression, context: TransformContext): void {
  let inner: ts.Node = call;
  let outer = call.parent;
  while (ts.isParenthesizedExpression(outer)) {
    inner = outer;
    outer = outer.parent;
  }
  const iterated = ts.isForOfStatement(outer) && outer.expression === inner;
  const delegated = ts.isYieldExpression(outer) && outer.asteriskToken !== undefined;
  const collected =
    ts.isCallExpression(outer) &&
    outer.arguments[0] === inner &&
    ts.isPropertyAccessExpression(outer.expression) &&
    isIdentifierNamed(outer.expression.name, 'fromAsync') &&
    isIdentifierNamed(outer.expression.expression, 'Array');
  if (iterated || delegated || collected) return;
  context.report(
    'no-sync-meaning',
    call,
    '`glob()` returns an async iterator, but its twin `globSync()` returns an array: used any other way than iterated, the twin would differ',
    'iterate it directly (`for await (const path of glob(…))`) or collect it with `await Array.fromAsync(glob(…))`',
  );
}

function checkStreamMethod(call: ts.CallExpression, context: TransformContext): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !STREAM_METHODS.has(callee.name.text)) return;
  const object = unwrap(callee.expression);
  if (!isFileHandle(object, context)) return;
  context.report(
    'no-sync-meaning',
    callee.name,
    `\`FileHandle.${callee.name.text}()\` gives a stream, which a blocking file handle cannot`,
    'read with `handle.read()`/`handle.readLines()` and write with `handle.write()`, or keep the stream in an `if (IS_ASYNC)` branch',
  );
}

/** Whether an expression is a name bound to `await open(…)` of `node:fs/promises`, or a parameter typed `FileHandle`. */
function isFileHandle(expression: ts.Expression, context: TransformContext): boolean {
  if (!ts.isIdentifier(expression)) return false;
  const declaration = localDeclarationOf(expression, context);
  if (declaration === undefined) return false;
  if (declaration.kind === 'parameter') {
    const type = declaration.node.type;
    return (
      type !== undefined && ts.isTypeReferenceNode(type) && isIdentifierNamed(type.typeName, 'FileHandle')
    );
  }
  const initializer = declaration.node.initializer && unwrap(declaration.node.initializer);
  if (initializer === undefined || !ts.isAwaitExpression(initializer)) return false;
  const call = unwrap(initializer.expression);
  return ts.isCallExpression(call) && builtinExportOf(call.expression, context)?.name === 'open';
}
