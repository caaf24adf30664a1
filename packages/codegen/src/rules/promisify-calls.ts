import ts from 'typescript';
import {
  FS_CALLBACKS_WITH_SYNC_TWIN,
  FS_CALLBACKS_WITHOUT_SYNC_TWIN,
} from '../mappings/fs-callback-functions.js';
import type { ImportBinding } from '../transform/import-bindings.js';
import type { Rule } from '../transform/rule.js';
import type { TransformContext } from '../transform/transform-context.js';
import { unwrap } from './call-root.js';
import { isIdentifierNamed } from './identifier-named.js';
import { pruneReplacedImport } from './replaced-import-pruning.js';

/**
 * `promisify(fs.stat)` (also `util.promisify(…)`, a named `stat` import from `node:fs`, `realpath.native`)
 * becomes `fs.statSync`: the node:fs functions whose promisified result is what the sync function returns.
 * Any other `promisify(f)` has no sync meaning the generator can prove, and is reported where it is written.
 * An import of `promisify` (or of the callback function) that nothing else uses is dropped from the twin.
 */
export const promisifyCalls: Rule = {
  name: 'promisify-calls',
  isNeeded: (context) => context.usesName('promisify'),
  needles: () => ['promisify'],
  kinds: [ts.SyntaxKind.CallExpression],
  visit(node, context) {
    const call = node as ts.CallExpression;
    const promisify = promisifyBinding(call.expression, call, context);
    if (!promisify) return;
    const argument = call.arguments[0];
    context.judgedValues.add(call);
    if (call.arguments.length !== 1 || !argument) {
      context.report('no-sync-meaning', call, '`promisify()` needs exactly one function to be converted');
      return;
    }
    const target = fsFunction(argument, call, context);
    if (!target || !FS_CALLBACKS_WITH_SYNC_TWIN.has(target.name)) {
      const why = target ? FS_CALLBACKS_WITHOUT_SYNC_TWIN.get(target.name) : undefined;
      context.report(
        'no-sync-meaning',
        call,
        `\`${call.getText(context.tree)}\` has no sync counterpart the generator can prove: ${
          why ?? 'only node:fs functions whose …Sync twin returns the same value are converted'
        }`,
        'call the sync function directly in an `if (IS_ASYNC) { … } else { … }` branch, or map the promisified name in the config',
      );
      return;
    }
    const syncName = `${target.name}Sync`;
    context.edits.replaceRegion(context.start(call), call.end, target.prefix + syncName + target.suffix);
    const named = target.binding;
    context.finishers.push(() => {
      pruneReplacedImport(promisify, context);
      // A named import used by nothing else becomes the sync function's import; otherwise it is added.
      if (named && pruneReplacedImport(named, context, syncName))
        context.needImport(named.specifier, syncName);
    });
  },
};

/** The import binding `promisify` comes from, when the callee is node:util's `promisify`. */
function promisifyBinding(
  callee: ts.Expression,
  site: ts.Node,
  context: TransformContext,
): ImportBinding | undefined {
  const bare = unwrap(callee);
  if (isIdentifierNamed(bare, 'promisify')) {
    const binding = context.importBinding(site, 'promisify');
    return binding && isUtil(binding.specifier) && binding.imported === 'promisify' ? binding : undefined;
  }
  if (!ts.isPropertyAccessExpression(bare) || bare.name.text !== 'promisify') return undefined;
  const object = unwrap(bare.expression);
  if (!ts.isIdentifier(object)) return undefined;
  const binding = context.importBinding(site, object.text);
  return binding && binding.shape !== 'named' && isUtil(binding.specifier) ? binding : undefined;
}

/**
 * The node:fs function an argument names: `fs.stat` (namespace or default import, or `require`),
 * `stat` (a named import), `fs.realpath.native`. `prefix` and `suffix` rebuild the sync name around it.
 */
function fsFunction(
  argument: ts.Expression,
  site: ts.Node,
  context: TransformContext,
): { name: string; prefix: string; suffix: string; binding?: ImportBinding } | undefined {
  let expression = unwrap(argument);
  let suffix = '';
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'native') {
    suffix = '.native';
    expression = unwrap(expression.expression);
  }
  if (ts.isIdentifier(expression)) {
    const binding = context.importBinding(site, expression.text);
    if (!binding || !isFs(binding.specifier) || binding.shape !== 'named') return undefined;
    return { name: binding.imported, prefix: '', suffix, binding };
  }
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const object = unwrap(expression.expression);
  if (!ts.isIdentifier(object)) return undefined;
  const binding = context.importBinding(site, object.text);
  if (!binding || !isFs(binding.specifier) || binding.shape === 'named') return undefined;
  return { name: expression.name.text, prefix: `${object.text}.`, suffix };
}

function isUtil(specifier: string): boolean {
  return specifier === 'util' || specifier === 'node:util';
}

function isFs(specifier: string): boolean {
  return specifier === 'fs' || specifier === 'node:fs';
}
