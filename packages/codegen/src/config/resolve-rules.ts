import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { globToRegExp } from '../generate/glob-to-reg-exp.js';
import { languageOf } from '../parser/typescript-parser.js';
import { isInside, type PathRule, splitModulePath } from '../transform/path-rule.js';
import type { DirectoryRule } from './anysync-config.js';
import type { ConfigIssue } from './config-issue.js';

/**
 * Resolves the rules' paths against `root` and checks them on disk: a directory pairs with a
 * directory, a source file with its twin's path. Nothing may write over a source: a twin is never a
 * source, nor inside a source directory, and no two rules pair the same source.
 */
export function resolveRules(
  rules: readonly DirectoryRule[],
  root: string,
  exclude: readonly string[] = [],
): { rules: PathRule[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const resolved: PathRule[] = [];
  for (const [index, rule] of rules.entries()) {
    const from = path.resolve(root, rule.from);
    const to = path.resolve(root, rule.to);
    const report = (key: 'from' | 'to' | undefined, message: string) =>
      issues.push({ path: key === undefined ? ['rules', index] : ['rules', index, key], message });
    const source = statOf(from);
    if (source === undefined) report('from', `${from} does not exist`);
    else if (source.isDirectory()) {
      if (isInside(to, from)) {
        report(
          'to',
          `${to} is the source directory or inside it: twins would overwrite sources or be read as sources`,
        );
      } else if (isInside(from, to)) {
        report('to', `${to} holds the source directory: twins would be mixed with sources`);
      } else if (statOf(to)?.isDirectory() === false) {
        report('to', `${to} is a file: a directory of sources pairs with a directory of twins`);
      }
      resolved.push({ from, to, kind: 'directory' });
    } else if (source.isFile()) {
      const problem = fileRuleProblem(from, to, root, exclude);
      if (problem !== undefined) report(problem.key, problem.message);
      resolved.push({ from, to, kind: 'file' });
    } else report('from', `${from} is neither a directory nor a file`);
  }
  if (issues.length === 0) issues.push(...conflicts(resolved));
  return { rules: resolved, issues };
}

function fileRuleProblem(
  from: string,
  to: string,
  root: string,
  exclude: readonly string[],
): { key: 'from' | 'to'; message: string } | undefined {
  if (languageOf(from) === undefined) {
    return {
      key: 'from',
      message: `${from} is not a source anysync reads (.ts .mts .cts .tsx .js .mjs .cjs .jsx)`,
    };
  }
  if (to === from) return { key: 'to', message: 'is the source itself: the twin would overwrite it' };
  const extension = splitModulePath(from).extension;
  if (splitModulePath(to).extension !== extension) {
    return {
      key: 'to',
      message: `must end in ${extension} like its source: the twin keeps its source's language and module format`,
    };
  }
  if (statOf(to)?.isDirectory() === true)
    return { key: 'to', message: `${to} is a directory: give the twin's file path` };
  const relative = path.relative(root, from).split(path.sep).join('/');
  const pattern = exclude.find((glob) => globToRegExp(glob).test(relative));
  if (pattern !== undefined) {
    return {
      key: 'from',
      message: `${relative} is excluded by "${pattern}": drop the rule or the exclusion`,
    };
  }
  return undefined;
}

/** Problems between rules: a twin that lands on a source, in a source directory, or on another twin. */
function conflicts(rules: readonly PathRule[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [i, a] of rules.entries()) {
    for (const [j, b] of rules.entries()) {
      if (i === j) continue;
      const at = (key: 'from' | 'to', message: string) => issues.push({ path: ['rules', i, key], message });
      if (b.kind === 'file' && a.kind === 'file' && a.from === b.from && i > j) {
        at('from', `pairs the same source as rules[${j}]`);
      } else if (a.kind === 'file' && b.kind === 'file' && a.to === b.to && i > j) {
        at('to', `is also the twin of rules[${j}]`);
      } else if (a.to === b.from) {
        at('to', `is the source of rules[${j}]: the twin would overwrite it`);
      } else if (b.kind !== 'file' && isInside(a.to, b.from)) {
        at(
          'to',
          `lies in the source directory of rules[${j}] (${b.from}): the twin would be read as a source`,
        );
      } else if (a.kind !== 'file' && isInside(b.from, a.to)) {
        at(
          'to',
          `holds the sources of rules[${j}] (${b.from}): twins would overwrite sources or be read as sources`,
        );
      }
    }
  }
  return issues;
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
