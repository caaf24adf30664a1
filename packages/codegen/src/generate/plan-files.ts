import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { languageOf } from '../parser/typescript-parser.js';
import { mapPath } from '../transform/path-rule.js';

/** One source file and the twin it becomes. */
export interface PlannedFile {
  readonly source: string;
  readonly target: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Every source under the rules' `from` directories (minus exclusions) with its target path. */
export function planFiles(config: ResolvedConfig): PlannedFile[] {
  const excluded = (config.exclude ?? []).map((pattern) => globToRegExp(pattern));
  const seen = new Set<string>();
  const planned: PlannedFile[] = [];
  for (const rule of config.rules) {
    for (const source of listSources(rule.from)) {
      if (seen.has(source)) continue;
      seen.add(source);
      const relative = path.relative(config.root, source).split(path.sep).join('/');
      if (excluded.some((pattern) => pattern.test(relative))) continue;
      const target = mapPath(source, config.rules);
      if (target === undefined || target === source) continue;
      planned.push({ source, target });
    }
  }
  return planned.sort((a, b) => a.source.localeCompare(b.source));
}

function listSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.'))
        files.push(...listSources(full));
    } else if (entry.isFile() && languageOf(entry.name) !== undefined) {
      files.push(full);
    }
  }
  return files;
}

/** A path pattern where `**` matches any number of directories and `*` anything but a separator. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? '';
    if (char === '*' && pattern[i + 1] === '*') {
      out += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else out += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out.replace(/^\.\//, '')}$`);
}
