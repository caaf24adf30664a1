import { DIAGNOSTIC_RULES } from '../diagnostics/diagnostic.js';
import { ConfigChecker } from './config-checker.js';
import type { ConfigIssue } from './config-issue.js';
import { isBindingName, isIdentifierName } from './identifier-name.js';
import { checkMappings } from './validate-mappings.js';

/** The keys a config may have. */
export const CONFIG_KEYS = [
  '$schema',
  'rules',
  'exclude',
  'names',
  'mappings',
  'isAsyncMarker',
  'severity',
  'runtimeModule',
] as const;

const NAME_KEYS = ['asyncPrefix', 'asyncSuffix', 'renames', 'keep'];

/**
 * The rules whose severity a config may set. A syntax error always stops its file (there is no twin to
 * write), and so does a twin whose exports differ from its source's: setting theirs would be silently
 * ignored, so it is refused.
 */
export const SEVERITY_RULES: readonly string[] = DIAGNOSTIC_RULES.filter(
  (rule) => rule !== 'syntax-error' && rule !== 'export-parity' && rule !== 'async-residue',
);

/**
 * Checks the shape of a whole config — every key and value, at every level — without touching the
 * file system, and returns every problem with its path (empty when the config is well formed). Paths
 * on disk are checked when the config is resolved. The JSON Schema shipped as
 * `@anysync/codegen/schema.json` describes the same shape, for editors.
 *
 * @example
 * ```ts
 * import { validateConfig } from '@anysync/codegen';
 *
 * const issues = validateConfig({ rules: [{ from: 'src/_async', to: 'src/_sync' }], names: { asyncPrefix: 'remove' } });
 * console.log(issues[0]); // { path: ['names', 'asyncPrefix'], message: 'expected "strip" | "sync" | "keep", got "remove"' }
 * ```
 */
export function validateConfig(raw: unknown): ConfigIssue[] {
  const check = new ConfigChecker();
  const config = check.object(raw, [], CONFIG_KEYS, 'the config to be an object');
  if (config === undefined) return check.issues;
  if (config.$schema !== undefined) check.text(config.$schema, ['$schema'], 'a schema URL or path');
  checkRules(config.rules, check);
  if (config.exclude !== undefined) {
    const patterns = check.array(config.exclude, ['exclude'], 'an array of path patterns') ?? [];
    for (const [index, pattern] of patterns.entries())
      check.text(pattern, ['exclude', index], 'a path pattern');
  }
  if (config.names !== undefined) checkNames(config.names, check);
  if (config.mappings !== undefined) checkMappings(config.mappings, check);
  if (
    config.isAsyncMarker !== undefined &&
    !(typeof config.isAsyncMarker === 'string' && isBindingName(config.isAsyncMarker))
  ) {
    check.expected(
      ['isAsyncMarker'],
      'an identifier (the name of the marker constant)',
      config.isAsyncMarker,
    );
  }
  if (config.severity !== undefined) {
    const severity = check.object(config.severity, ['severity'], SEVERITY_RULES) ?? {};
    for (const [rule, level] of Object.entries(severity)) {
      if (SEVERITY_RULES.includes(rule)) check.choice(level, ['severity', rule], ['error', 'warning', 'off']);
    }
  }
  if (config.runtimeModule !== undefined)
    check.text(config.runtimeModule, ['runtimeModule'], 'a module specifier');
  return check.issues;
}

function checkRules(value: unknown, check: ConfigChecker): void {
  const what = 'a non-empty array of { "from", "to" } pairs (directories or files)';
  if (value === undefined) {
    check.report(['rules'], `missing "rules": ${what}`, true);
    return;
  }
  const rules = check.array(value, ['rules'], what, true) ?? [];
  for (const [index, rule] of rules.entries()) {
    const pair = check.object(rule, ['rules', index], ['from', 'to'], 'an object { "from", "to" }');
    if (pair === undefined) continue;
    for (const key of ['from', 'to'] as const) {
      if (pair[key] === undefined)
        check.report(['rules', index, key], `missing "${key}": a directory or file path`, true);
      else check.text(pair[key], ['rules', index, key], 'a directory or file path');
    }
  }
}

function checkNames(value: unknown, check: ConfigChecker): void {
  const names = check.object(value, ['names'], NAME_KEYS);
  if (names === undefined) return;
  if (names.asyncPrefix !== undefined)
    check.choice(names.asyncPrefix, ['names', 'asyncPrefix'], ['strip', 'sync', 'keep']);
  if (names.asyncSuffix !== undefined)
    check.choice(names.asyncSuffix, ['names', 'asyncSuffix'], ['strip', 'keep']);
  if (names.renames !== undefined) {
    const renames = check.record(names.renames, ['names', 'renames'], 'an object of name: newName') ?? {};
    for (const [from, to] of Object.entries(renames)) {
      const path = ['names', 'renames', from];
      if (!isIdentifierName(from))
        check.report(path, `"${from}" is not an identifier, so no name can match it`, true);
      if (!(typeof to === 'string' && isBindingName(to)))
        check.expected(path, 'an identifier that is not a reserved word', to);
    }
  }
  if (names.keep !== undefined) {
    const keep = check.array(names.keep, ['names', 'keep'], 'an array of identifiers') ?? [];
    for (const [index, name] of keep.entries()) {
      if (!(typeof name === 'string' && isIdentifierName(name)))
        check.expected(['names', 'keep', index], 'an identifier', name);
    }
  }
}
