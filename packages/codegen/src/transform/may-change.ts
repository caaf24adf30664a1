import type { MappingTable } from '../mappings/mapping-table.js';
import type { NameConvention } from '../names/name-convention.js';
import { escapeRegExp } from './escape-reg-exp.js';
import type { TransformOptions } from './transform-options.js';

/**
 * Words one of which every rule needs in a file's text to change anything: keywords (`async`, `await`),
 * the async names and types (`Async…`, `Promise`, `Awaited`, `Symbol.asyncIterator`), promise chains,
 * async-only globals, and directive comments. Kept in step with the rules' needles by a test.
 */
export const FIXED_NEEDLES: readonly string[] = [
  'async',
  'Async',
  'await',
  'Promise',
  'Awaited',
  'then',
  'catch',
  'finally',
  'fetch',
  'Response',
  'ReadableStream',
  'WritableStream',
  'anysync-',
];

/**
 * Whether converting this text can produce anything but the text itself, judged without parsing it: a
 * file that contains none of the words the rules act on — and whose imports no directory rule or project
 * fact can re-aim — comes out unchanged, so the transform returns it as it is, after a few string
 * searches instead of a parse. Constants, types, pure helpers: a large library has many such files.
 *
 * `true` whenever the options make a text check unsound (directory rules, a twin in another directory,
 * project facts, mappings keyed by file path).
 */
export function mayChange(
  text: string,
  options: TransformOptions,
  names: NameConvention,
  mappings: MappingTable,
): boolean {
  const pattern = textNeedles(options, names, mappings);
  return pattern === undefined || pattern.test(text);
}

/**
 * The pattern {@link mayChange} searches for: one of the words must occur in any text, or any part of a
 * text, that converting can change. `undefined` when the options make a text check unsound.
 */
export function textNeedles(
  options: TransformOptions,
  names: NameConvention,
  mappings: MappingTable,
): RegExp | undefined {
  return needlePatterns(options, names, mappings)?.text;
}

/**
 * Words that, whole, mark the rules' business in a statement's code: keywords, the promise types and
 * globals, `Symbol.async…`. Prose-like substrings (`runPromise`, `catchAll`, `authentication`) do not.
 */
const STATEMENT_WORDS: readonly string[] = [
  'async',
  'await',
  'Promise',
  'PromiseLike',
  'Awaited',
  'then',
  'catch',
  'finally',
  'fetch',
  'Response',
  'ReadableStream',
  'WritableStream',
  'asyncIterator',
  'asyncDispose',
];

/**
 * A global pattern for the partial parse's guess of which top-level statements the rules may change:
 * the words above, the marker and explicit renames as whole words (captured as group 1, whose start the
 * caller checks); `Async` (in every name the convention renames), mapped module names and `require`
 * anywhere. A guess only: a statement skipped
 * wrongly is found afterwards, and the file parsed whole. `undefined` when the text check is unsound.
 */
export function statementNeedles(
  options: TransformOptions,
  names: NameConvention,
  mappings: MappingTable,
): RegExp | undefined {
  return needlePatterns(options, names, mappings)?.statements;
}

function needlePatterns(
  options: TransformOptions,
  names: NameConvention,
  mappings: MappingTable,
): NeedlePatterns | undefined {
  if ((options.pathRules?.length ?? 0) > 0 || options.project !== undefined) return undefined;
  if (options.outFileName !== undefined && options.outFileName !== options.fileName) return undefined;
  return patternsFor(options.isAsyncMarker ?? 'IS_ASYNC', names, mappings);
}

interface NeedlePatterns {
  readonly text: RegExp;
  readonly statements: RegExp;
}

const patterns = new WeakMap<MappingTable, Map<string, NeedlePatterns | undefined>>();

/**
 * One pattern for every needle: a single pass over the text, two to three times faster than a search
 * per word. Built once per mapping table, marker and naming convention.
 */
function patternsFor(
  marker: string,
  names: NameConvention,
  mappings: MappingTable,
): NeedlePatterns | undefined {
  let byKey = patterns.get(mappings);
  if (byKey === undefined) {
    byKey = new Map();
    patterns.set(mappings, byKey);
  }
  const renamed = [...names.explicitlyRenamed];
  const key = [marker, ...renamed].join('\0');
  if (byKey.has(key)) return byKey.get(key);
  const mapped = mappings.textNeedles();
  let found: NeedlePatterns | undefined;
  if (mapped !== undefined) {
    const words = [...STATEMENT_WORDS, marker, ...renamed].map(escapeRegExp).join('|');
    const anywhere = ['Async', 'anysync-', 'require', ...mapped].map(escapeRegExp).join('|');
    found = {
      text: new RegExp([...FIXED_NEEDLES, marker, ...mapped, ...renamed].map(escapeRegExp).join('|')),
      // The words' left edge is checked by the caller (group 1): a lookbehind would slow every position.
      statements: new RegExp(`((?:${words})(?![\\w$]))|${anywhere}`, 'g'),
    };
  }
  byKey.set(key, found);
  return found;
}
