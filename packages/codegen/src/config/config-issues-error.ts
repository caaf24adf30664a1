import { ConfigError } from './config-error.js';
import { type ConfigIssue, formatConfigPath } from './config-issue.js';

/** Where an issue is in the config's text, when the config is JSON. */
export interface IssueLocation {
  readonly line: number;
  readonly column: number;
  /** The offending line with carets under the value (or key). */
  readonly frame: string;
}

/**
 * One error for every problem of a config: `source:line:col: path: message` and the code frame for
 * each (the position when `locate` knows it), after a count when there are several.
 */
export function configIssuesError(
  source: string,
  issues: readonly ConfigIssue[],
  locate?: (issue: ConfigIssue) => IssueLocation | undefined,
): ConfigError {
  // In the order they appear in the file, when their positions are known.
  const located = issues
    .map((issue) => ({ issue, location: locate?.(issue) }))
    .sort(
      (a, b) =>
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        (a.location?.column ?? 0) - (b.location?.column ?? 0),
    );
  const lines = located.map(({ issue, location }) => {
    const where = location === undefined ? source : `${source}:${location.line}:${location.column}`;
    // An issue about a key reads best from the object holding it: `rules[0]: unknown key "form"`.
    const shown = issue.atKey === true ? issue.path.slice(0, -1) : issue.path;
    const head = `${where}: ${shown.length === 0 ? '' : `${formatConfigPath(shown)}: `}${issue.message}`;
    if (location === undefined) return head;
    return `${head}\n${location.frame
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n')}`;
  });
  const count = issues.length === 1 ? '' : `${source}: ${issues.length} problems in the config\n`;
  return new ConfigError(`${count}${lines.join('\n')}`, issues);
}
