/**
 * One problem in a config: where (a path into the config object) and what.
 *
 * @example
 * ```ts
 * import { type ConfigIssue, validateConfig } from '@anysync/codegen';
 *
 * const issues: ConfigIssue[] = validateConfig({ rules: [{ form: 'src/_async', to: 'src/_sync' }] });
 * console.log(issues[0]); // { path: ['rules', 0, 'form'], message: 'unknown key "form" (did you mean "from"? …)', atKey: true }
 * ```
 */
export interface ConfigIssue {
  /** The path of the offending value, e.g. `['mappings', 'config-lib', 'exports', 'readConfig']`. */
  readonly path: readonly (string | number)[];
  /** Whether the issue is about the property's key (an unknown key) rather than its value. */
  readonly atKey?: boolean;
  readonly message: string;
}

/**
 * A config path as it reads in JavaScript: `names.asyncPrefix`, `rules[0].from`,
 * `mappings["config-lib"].exports.readConfig`.
 *
 * @example
 * ```ts
 * formatConfigPath(['mappings', 'config-lib', 'exports', 'readConfig']);
 * // 'mappings["config-lib"].exports.readConfig'
 * ```
 */
export function formatConfigPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(the config)' : out;
}

/** A value as a message shows it: strings and numbers as JSON, objects and arrays by kind. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return JSON.stringify(value);
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
