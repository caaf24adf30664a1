// The real-world run of the generator (issue 12's proof): published npm libraries that keep a
// hand-written sync twin beside their async code. For each: fetch it from the registry into a temporary
// directory, take the sync half out, regenerate it from the async half with this repository's CLI, check
// that the twin typechecks as well as its source, and call the regenerated sync API, the published sync
// API and the published async API on the same real directories (libraries/<name>.mjs holds each suite).
// Writes bench/results/realworld.md. `node bench/realworld/run.mjs [name…] [--keep]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commitLabel, machineLine } from '../support/run-facts.mjs';
import { assemblePackage, entryPaths, restoreRefused } from './assemble-package.mjs';
import { compareCases } from './compare-cases.mjs';
import { generateTwin } from './generate-twin.mjs';
import { prepareLibrary } from './prepare-library.mjs';
import { renderResults } from './render-results.mjs';
import { typecheckTwins } from './typecheck-twin.mjs';
import { usableTwins } from './usable-twins.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.join(here, '..', '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const only = args.filter((a) => !a.startsWith('--'));
const baseDir = path.join(os.tmpdir(), 'anysync-realworld');
mkdirSync(baseDir, { recursive: true });

const specFiles = readdirSync(path.join(here, 'libraries'))
  .filter((f) => f.endsWith('.mjs'))
  .sort()
  .map((f) => path.join(here, 'libraries', f));
const results = [];
const loadBefore = os.loadavg()[0];
for (const specFile of specFiles) {
  const spec = (await import(pathToFileURL(specFile).href)).default;
  // Modules without a default spec hold cases that several specs share.
  if (spec?.cases === undefined) continue;
  if (only.length > 0 && !only.includes(spec.name)) continue;
  process.stderr.write(`━━ ${spec.name}@${spec.version}\n`);
  results.push(runLibrary(spec, specFile));
  const last = results[results.length - 1];
  process.stderr.write(`   ${last.verdict}\n`);
}
const loadAfter = os.loadavg()[0];

const markdown = renderResults(results, {
  machine: machineLine(),
  node: process.version,
  commit: commitLabel(),
  date: new Date().toISOString().slice(0, 10),
  load: `${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
});
if (only.length === 0) {
  writeFileSync(path.join(repoRoot, 'bench', 'results', 'realworld.md'), markdown);
  process.stderr.write('wrote bench/results/realworld.md\n');
} else process.stdout.write(markdown);
if (!keep) rmSync(baseDir, { recursive: true, force: true });
else process.stderr.write(`kept ${baseDir}\n`);
process.exit(results.some((r) => r.wrongTwin) ? 1 : 0);

function runLibrary(spec, specFile) {
  const result = { spec, wrongTwin: false };
  try {
    result.prepared = prepareLibrary(spec, baseDir, repoRoot);
  } catch (error) {
    result.verdict = `not run: the library could not be fetched or stripped (${error.message.split('\n')[0]})`;
    return result;
  }
  result.generated = generateTwin(spec, result.prepared, repoRoot);
  const { exitCode, twins: written } = result.generated;
  const missing = spec.convert.filter((f) => !written.includes(f));
  if (exitCode === 0 && missing.length > 0) {
    result.verdict = `WRONG: exit 0 but no twin for ${missing.join(', ')}`;
    result.wrongTwin = true;
    return result;
  }
  const refused = exitCode === 0 ? '' : `refused (${missing.length} of ${spec.convert.length} files)`;
  if (written.length === 0) {
    result.verdict = refused;
    return result;
  }
  // The twins that were written are tested even when others were refused: a written twin must be right.
  const usable = usableTwins(spec.convert, written, path.join(result.prepared.work, 'twin'));
  result.unusable = written.filter((f) => !usable.includes(f));
  const sources = usable.map((f) => path.join(result.prepared.pkg, f));
  const twinFiles = usable.map((f) => path.join(result.prepared.work, 'twin', f));
  result.typecheck = typecheckTwins(sources, twinFiles, repoRoot, result.prepared.work);
  result.assembled = assemblePackage(spec, result.prepared, usable);
  result.restored = restoreRefused(spec, result.prepared, usable);
  const skipped = spec.cases
    .filter((c) => (c.needs ?? spec.convert).some((f) => !usable.includes(f)))
    .map((c) => c.name);
  result.skippedCases = skipped;
  const runnable = spec.cases.length - skipped.length;
  const prefix = refused ? `${refused}; ` : '';
  if (runnable === 0) {
    result.verdict = `${prefix}no case runs on the written twins alone`;
    result.wrongTwin = result.typecheck.twinOnly.length > 0;
    return result;
  }
  const entries = entryPaths(spec, result.prepared);
  const child = spawnSync(
    process.execPath,
    [
      path.join(here, 'behave.mjs'),
      specFile,
      JSON.stringify({
        ...entries,
        skipped,
        twins: spec.assemble
          .filter((a) => usable.includes(a.twin))
          .map((a) => ({
            file: path.join(result.prepared.work, 'twin', a.twin),
            names: Object.values(a.exports),
          })),
      }),
    ],
    { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20, cwd: result.prepared.work },
  );
  if (child.status !== 0 || !child.stdout.trim()) {
    result.behaviour = { crashed: `${child.error?.message ?? ''} ${child.stderr}`.trim().slice(0, 2000) };
    result.verdict = `${prefix}WRONG: the behavioural suite crashed on the twin`;
    result.wrongTwin = true;
    return result;
  }
  result.behaviour = compareCases(JSON.parse(child.stdout.trim().split('\n').pop()), spec);
  const wrongCount = result.behaviour.wrong.length;
  const typeCount = result.typecheck.twinOnly.length;
  result.wrongTwin = wrongCount > 0 || typeCount > 0;
  const scope = refused ? 'the written twins behave' : 'behaves';
  result.verdict = result.wrongTwin
    ? `${prefix}WRONG TWIN${refused ? '' : ' with exit 0'}: ${wrongCount} behavioural difference(s), ${typeCount} new type error(s)`
    : `${prefix || 'generated; '}${scope} like the source in ${result.behaviour.sameAsAsync}/${result.behaviour.total} cases` +
      (skipped.length > 0 ? ` (${skipped.length} cases need a refused file)` : '');
  return result;
}
