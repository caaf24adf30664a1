// Fetches one published library from the npm registry into a temporary directory (never into the repo),
// copies its files to `work/pkg`, and takes the hand-written sync half out of the copy: whole files
// (`deleteFiles`) and named declarations inside files (`strip`). A spec's `adapt` entries are the source
// changes an author would make to adopt the generator (each with its reason; the results print them).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripSyncHalf } from './strip-sync-half.mjs';

/**
 * @param {object} spec a library spec from `libraries/`
 * @param {string} baseDir where every library gets its own directory
 * @param {string} repoRoot this repository, whose `anysync` runtime the twins may import
 */
export function prepareLibrary(spec, baseDir, repoRoot) {
  const name = spec.package ?? spec.name;
  const dir = path.join(baseDir, `${name}@${spec.version}`);
  const published = path.join(dir, 'node_modules', name);
  if (installedVersion(published) !== spec.version) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'package.json'),
      `${JSON.stringify({ name: 'realworld-host', private: true })}\n`,
    );
    execFileSync(
      'npm',
      [
        'install',
        `${name}@${spec.version}`,
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--omit=dev',
        '--loglevel=error',
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
  // The twins may import `anysync/runtime`; they resolve it to this repository's built package.
  const runtimeLink = path.join(dir, 'node_modules', 'anysync');
  rmSync(runtimeLink, { recursive: true, force: true });
  symlinkSync(path.join(repoRoot, 'packages', 'anysync'), runtimeLink, 'dir');

  // Several runs of one package (as published, with an author's change) each get their own copy.
  const work = path.join(dir, `work-${spec.name.replace(/[^\w.-]+/g, '-')}`);
  rmSync(work, { recursive: true, force: true });
  const pkg = path.join(work, 'pkg');
  cpSync(published, pkg, { recursive: true });
  const removedFiles = [];
  for (const file of spec.deleteFiles ?? []) {
    rmSync(path.join(pkg, file));
    removedFiles.push(file);
  }
  const stripped = [];
  for (const [file, names] of Object.entries(spec.strip ?? {})) {
    const full = path.join(pkg, file);
    const result = stripSyncHalf(readFileSync(full, 'utf8'), full, names);
    writeFileSync(full, result.text);
    stripped.push({ file, removed: result.removed, prunedImports: result.prunedImports });
  }
  const adapted = [];
  for (const adaptation of spec.adapt ?? []) {
    for (const [file, text] of Object.entries(adaptation.files ?? {})) {
      mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
      writeFileSync(path.join(pkg, file), text);
    }
    for (const edit of adaptation.edits ?? []) {
      const full = path.join(pkg, edit.file);
      const text = readFileSync(full, 'utf8');
      const matches = text.split(edit.find).length - 1;
      if (edit.all ? matches === 0 : matches !== 1)
        throw new Error(
          `${spec.name}: the adaptation "${adaptation.why}" matches ${edit.file} ${matches} times`,
        );
      const replaced = edit.all
        ? text.replaceAll(edit.find, () => edit.replace)
        : text.replace(edit.find, () => edit.replace);
      writeFileSync(full, replaced);
    }
    adapted.push(adaptation);
  }
  return {
    dir,
    adapted,
    work,
    pkg,
    published,
    removedFiles,
    stripped,
    dependencies: dependencyVersions(published, dir),
  };
}

function installedVersion(packageDir) {
  try {
    return JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

// The versions npm resolved for the library's direct dependencies (they shape its behaviour too).
function dependencyVersions(packageDir, hostDir) {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const out = {};
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    const nested = path.join(packageDir, 'node_modules', name);
    const hoisted = path.join(hostDir, 'node_modules', name);
    out[name] = installedVersion(existsSync(nested) ? nested : hoisted) ?? 'missing';
  }
  return out;
}
