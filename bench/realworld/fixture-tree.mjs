// Real directories for the behavioural cases: a fresh tree per call, described as a plain object, and a
// snapshot of what a call left on disk (types, contents, modes, link targets; no times).
import { createHash } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Creates a temporary directory holding `tree`: `'a/b.txt': 'text'` is a file, `'a/c/': null` a directory,
 * `'l': { symlink: 'a' }` a link, `{ content, mode }` a file with a mode.
 * @returns {string} the directory's real path
 */
export function makeTree(tree = {}, prefix = 'anysync-rw-') {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [relative, spec] of Object.entries(tree)) {
    const full = path.join(root, relative);
    if (spec === null || relative.endsWith('/')) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof spec === 'string' || Buffer.isBuffer(spec)) writeFileSync(full, spec);
    else if (spec.symlink !== undefined) symlinkSync(spec.symlink, full);
    else {
      writeFileSync(full, spec.content ?? '');
      if (spec.mode !== undefined) chmodSync(full, spec.mode);
    }
  }
  return root;
}

/** What is under `root` now, in a form two runs can compare. */
export function snapshotTree(root) {
  const entries = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      const stat = lstatSync(full);
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isSymbolicLink()) entries[relative] = { link: readlinkSync(full).replaceAll(root, '<root>') };
      else if (stat.isDirectory()) {
        entries[`${relative}/`] = { mode };
        walk(full);
      } else if (stat.isFile()) {
        const bytes = readFileSync(full);
        entries[relative] = {
          mode,
          content:
            bytes.length <= 2048
              ? bytes.toString('utf8')
              : `${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}`,
        };
      } else entries[relative] = { kind: 'other' };
    }
  };
  walk(root);
  return entries;
}

/** Removes a tree made by `makeTree`, read-only entries included. */
export function removeTree(root) {
  try {
    rmSync(root, { recursive: true, force: true });
  } catch {
    // A case may leave a directory without write permission behind; give it back and retry.
    const walk = (dir) => {
      chmodSync(dir, 0o755);
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
    };
    walk(root);
    rmSync(root, { recursive: true, force: true });
  }
}
