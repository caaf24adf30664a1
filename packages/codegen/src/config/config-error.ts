import type { ConfigIssue } from './config-issue.js';

/**
 * A configuration or command-line problem: the CLI prints the message and exits with status 2. A
 * config that is checked whole lists every problem in `issues` (and in the message, one per line,
 * with its line, column and code frame when the config is JSON).
 *
 * @example
 * ```ts
 * import { ConfigError, loadConfig } from '@anysync/codegen';
 *
 * try {
 *   await loadConfig(process.cwd());
 * } catch (error) {
 *   if (error instanceof ConfigError) console.error(error.message); // names the file and the field
 * }
 * ```
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Each problem of the config with its path; empty for problems that are not about one value. */
  readonly issues: readonly ConfigIssue[];

  constructor(message: string, issues: readonly ConfigIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}
