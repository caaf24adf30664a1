import type { Rule } from '../transform/rule.js';
import { arrayFromAsync } from './array-from-async.js';
import { asyncFunctions } from './async-functions.js';
import { asyncOnlyGlobals } from './async-only-globals.js';
import { asyncSymbols } from './async-symbols.js';
import { asyncTypes } from './async-types.js';
import { awaitedChains } from './awaited-chains.js';
import { awaitExpressions } from './await-expressions.js';
import { awaitUsing } from './await-using.js';
import { commonJsExportStrings } from './commonjs-export-strings.js';
import { declaredNames } from './declared-names.js';
import { disposableStacks } from './disposable-stacks.js';
import { floatingAsyncCalls } from './floating-async-calls.js';
import { forAwait } from './for-await.js';
import { implicitAwaits } from './implicit-awaits.js';
import { fsPromisesCalls } from './fs-promises-calls.js';
import { jsdocAsyncTag } from './jsdoc-async-tag.js';
import { markerBranches } from './marker-branches.js';
import { moduleMappings } from './module-mappings.js';
import { dynamicSpecifiers, moduleSpecifiers } from './module-specifiers.js';
import { namespaceMembers } from './namespace-members.js';
import { newPromise } from './new-promise.js';
import { promiseReferences } from './promise-references.js';
import { promiseStatics } from './promise-statics.js';
import { promisifyCalls } from './promisify-calls.js';
import { reshapedNamespaceUses } from './reshaped-namespace-uses.js';
import { readlineLines } from './readline-lines.js';
import { thenChains } from './then-chains.js';

/**
 * Every rule, in the order they see a node. Top-level rules (imports, exports) run first, in their own
 * pass; in the walk, the branch marker comes first (it decides what is walked at all), then the rest.
 */
export const RULES: readonly Rule[] = [
  markerBranches,
  moduleMappings,
  moduleSpecifiers,
  namespaceMembers,
  reshapedNamespaceUses,
  dynamicSpecifiers,
  asyncFunctions,
  awaitedChains,
  awaitExpressions,
  // Before for-await: it claims the readline loops it rewrites or refuses (`readlineLoops`).
  readlineLines,
  forAwait,
  implicitAwaits,
  fsPromisesCalls,
  awaitUsing,
  asyncSymbols,
  asyncTypes,
  promiseStatics,
  promisifyCalls,
  newPromise,
  promiseReferences,
  thenChains,
  asyncOnlyGlobals,
  arrayFromAsync,
  disposableStacks,
  declaredNames,
  commonJsExportStrings,
  floatingAsyncCalls,
  jsdocAsyncTag,
];
