import { closestName } from './closest-name.js';
import { type ConfigIssue, describeValue } from './config-issue.js';
import type { JsonPath } from './json-document.js';

/** Collects every problem of a config value by value, each with its path. */
export class ConfigChecker {
  readonly issues: ConfigIssue[] = [];

  report(path: JsonPath, message: string, atKey = false): void {
    this.issues.push(atKey ? { path, message, atKey } : { path, message });
  }

  /** Reports a value of the wrong kind: `expected …, got …`. */
  expected(path: JsonPath, expected: string, value: unknown): void {
    this.report(path, `expected ${expected}, got ${describeValue(value)}`);
  }

  /**
   * The value as an object whose keys are all `known` (each unknown key is reported, with the nearest
   * known one), or `undefined` (reported) when it is not a plain object.
   */
  object(
    value: unknown,
    path: JsonPath,
    known: readonly string[],
    expected = 'an object',
  ): Record<string, unknown> | undefined {
    const record = this.record(value, path, expected);
    if (record === undefined) return undefined;
    for (const key of Object.keys(record)) {
      if (!known.includes(key)) this.unknownKey([...path, key], key, known);
    }
    return record;
  }

  /** The value as a plain object with any keys, or `undefined` (reported). */
  record(value: unknown, path: JsonPath, expected = 'an object'): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
    this.expected(path, expected, value);
    return undefined;
  }

  unknownKey(path: JsonPath, key: string, known: readonly string[]): void {
    const near = closestName(key, known);
    const hint = near === undefined ? '' : `did you mean "${near}"? `;
    this.report(path, `unknown key "${key}" (${hint}known: ${known.join(', ')})`, true);
  }

  /** Reports a value that is not a non-empty string; returns whether it is one. */
  text(value: unknown, path: JsonPath, expected = 'a non-empty string'): value is string {
    if (typeof value === 'string' && value !== '') return true;
    this.expected(path, expected, value);
    return false;
  }

  /** Reports a value that is not one of `choices`. */
  choice(value: unknown, path: JsonPath, choices: readonly string[]): void {
    if (typeof value === 'string' && choices.includes(value)) return;
    const near = typeof value === 'string' ? closestName(value, choices) : undefined;
    const list = choices.map((choice) => JSON.stringify(choice)).join(' | ');
    this.report(
      path,
      `expected ${list}, got ${describeValue(value)}${near === undefined ? '' : ` (did you mean "${near}"?)`}`,
    );
  }

  /** The value as an array (reported when it is not one, or when empty and `nonEmpty`). */
  array(value: unknown, path: JsonPath, expected: string, nonEmpty = false): unknown[] | undefined {
    if (!Array.isArray(value)) {
      this.expected(path, expected, value);
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.report(path, `expected ${expected}, got an empty array`);
    return value;
  }
}
