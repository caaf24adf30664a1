import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { languageOf } from '../parser/typescript-parser.js';
import { readBanner } from './banner.js';

/**
 * Generated files (they carry the banner) in the rules' output directories (and, for a file rule, in
 * its twin's own directory, not below it) that no current source produces: left behind by a renamed or
 * deleted source, or a rule whose `to` changed. Files without the banner are not ours and are never
 * listed.
 */
export function findOrphans(config: ResolvedConfig, planned: ReadonlySet<string>): string[] {
  const orphans: string[] = [];
  for (const rule of config.rules) {
    const files = rule.kind === 'file' ? listFiles(path.dirname(rule.to), false) : listFiles(rule.to, true);
    for (const file of files) {
      if (planned.has(file)) continue;
      if (readBanner(headOf(file))) orphans.push(file);
    }
  }
  return [...new Set(orphans)].sort();
}

function listFiles(dir: string, recursive: boolean): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return !recursive || entry.name === 'node_modules' ? [] : listFiles(full, true);
    return entry.isFile() && languageOf(entry.name) !== undefined ? [full] : [];
  });
}

/** The start of a file, where the banner is; empty when it cannot be read (then it is not taken for ours). */
function headOf(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(0, 4096);
  } catch {
    return '';
  }
}
