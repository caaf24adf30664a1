/**
 * A configuration or command-line problem: the CLI prints the message and exits with status 2.
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
}
