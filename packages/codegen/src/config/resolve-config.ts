import type { PathRule } from '../transform/path-rule.js';
import type { AnysyncConfig } from './anysync-config.js';
import type { ConfigIssue } from './config-issue.js';
import { configIssuesError, type IssueLocation } from './config-issues-error.js';
import { resolveRules } from './resolve-rules.js';
import { validateConfig } from './validate-config.js';

/** A validated config with absolute paths. */
export interface ResolvedConfig extends Omit<AnysyncConfig, 'rules'> {
  /** The directory relative paths are resolved against (the config file's directory). */
  readonly root: string;
  /** Where the config came from, for messages. */
  readonly source: string;
  readonly rules: readonly PathRule[];
}

/**
 * Checks a raw config whole (every key and value; see `validateConfig`), then resolves its paths and
 * checks them on disk. Every problem is reported at once, each with its path (and its position, when
 * `locate` can tell it from the config's text).
 */
export function resolveConfig(
  raw: unknown,
  root: string,
  source: string,
  locate?: (issue: ConfigIssue) => IssueLocation | undefined,
): ResolvedConfig {
  const issues = validateConfig(raw);
  if (issues.length > 0) throw configIssuesError(source, issues, locate);
  const config = raw as AnysyncConfig;
  const resolved = resolveRules(config.rules, root, config.exclude);
  if (resolved.issues.length > 0) throw configIssuesError(source, resolved.issues, locate);
  return { ...config, root, source, rules: resolved.rules };
}

/** A config as the API accepts it: already resolved (from `loadConfig`), or raw with paths relative to `root`. */
export function toResolvedConfig(
  config: AnysyncConfig | ResolvedConfig,
  root = process.cwd(),
): ResolvedConfig {
  return 'source' in config && 'root' in config
    ? (config as ResolvedConfig)
    : resolveConfig(config, root, 'config');
}
