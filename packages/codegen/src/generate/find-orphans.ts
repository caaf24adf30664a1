import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { languageOf } from '../parser/typescript-parser.js';
import { readBanner } from './banner.js';

/**
 * Generated files (they carry the banner) in the rules' output directories that no current source
 * produces: left behind by a renamed or deleted source. Files without the banner are not ours and are
 * never listed.
 */
export function findOrphans(config: ResolvedConfig, planned: ReadonlySet<string>): string[] {
  const orphans: string[] = [];
  for (const rule of config.rules) {
    for (const file of listFiles(rule.to)) {
      if (planned.has(file)) continue;
      if (readBanner(readFileSync(file, 'utf8').slice(0, 4096))) orphans.push(file);
    }
  }
  return [...new Set(orphans)].sort();
}

function listFiles(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(full);
    return entry.isFile() && languageOf(entry.name) !== undefined ? [full] : [];
  });
}
