import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config-error.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { languageOf } from '../parser/typescript-parser.js';
import { mapPath } from '../transform/path-rule.js';
import { fsFailureReason } from './fs-failure-reason.js';
import { globToRegExp } from './glob-to-reg-exp.js';

/** One source file and the twin it becomes. */
export interface PlannedFile {
  readonly source: string;
  readonly target: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * Every source of the rules (the files under a directory rule's `from`, minus exclusions; a file
 * rule's file) with its target path, the most specific rule deciding. Two sources with one twin are a
 * {@link ConfigError}: one would silently overwrite the other.
 */
export function planFiles(config: ResolvedConfig): PlannedFile[] {
  const excluded = (config.exclude ?? []).map((pattern) => globToRegExp(pattern));
  const seen = new Set<string>();
  const planned: PlannedFile[] = [];
  for (const rule of config.rules) {
    const sources = rule.kind === 'file' ? [rule.from] : listSources(rule.from, config.root);
    for (const source of sources) {
      if (seen.has(source)) continue;
      seen.add(source);
      const relative = path.relative(config.root, source).split(path.sep).join('/');
      if (rule.kind !== 'file' && excluded.some((pattern) => pattern.test(relative))) continue;
      const target = mapPath(source, config.rules);
      if (target === undefined || target === source) continue;
      planned.push({ source, target });
    }
  }
  checkOneSourcePerTwin(planned, config.root);
  return planned.sort((a, b) => a.source.localeCompare(b.source));
}

function checkOneSourcePerTwin(planned: readonly PlannedFile[], root: string): void {
  const byTarget = new Map<string, string>();
  const sources = new Set(planned.map((file) => file.source));
  const rel = (file: string) => path.relative(root, file) || file;
  for (const { source, target } of planned) {
    const other = byTarget.get(target);
    if (other !== undefined) {
      throw new ConfigError(`${rel(other)} and ${rel(source)} would both be written to ${rel(target)}`);
    }
    if (sources.has(target))
      throw new ConfigError(`the twin of ${rel(source)} would overwrite the source ${rel(target)}`);
    byTarget.set(target, source);
  }
}

function listSources(dir: string, root: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new ConfigError(
      `cannot list the sources in ${path.relative(root, dir) || dir}: ${fsFailureReason(error)}`,
    );
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.'))
        files.push(...listSources(full, root));
    } else if (entry.isFile() && languageOf(entry.name) !== undefined) {
      files.push(full);
    }
  }
  return files;
}
