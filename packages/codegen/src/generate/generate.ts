import { chmodSync, lstatSync, readFileSync, rmSync, type Stats } from 'node:fs';
import type { AnysyncConfig } from '../config/anysync-config.js';
import { type ResolvedConfig, toResolvedConfig } from '../config/resolve-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { atomicWrite } from './atomic-write.js';
import { isHandEdited, readBanner } from './banner.js';
import { findMissingDependencies } from './find-missing-dependencies.js';
import { findOrphans } from './find-orphans.js';
import { fsFailureReason, nonFileKind } from './fs-failure-reason.js';
import { runProject } from './project-run.js';
import { fileMode, octal, sourceMode } from './twin-mode.js';
import { checkVerifyOption } from './check-verify-option.js';
import { verifyProjectRun } from '../verify/verify-project-run.js';

/** What happened to one file during `generate`. */
export interface GeneratedFile {
  readonly source: string | undefined;
  readonly target: string;
  /**
   * `error`: its source has errors; `refused`: writing would destroy someone's work; `unwritable`: the
   * file system refused the write (`reason` says why), and nothing was changed.
   */
  readonly status: 'written' | 'unchanged' | 'error' | 'refused' | 'unwritable' | 'removed';
  readonly reason?: string;
}

/** The outcome of {@link generate}. */
export interface GenerateReport {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly unusedMappings: readonly string[];
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  /**
   * Files not written: their source has errors, writing would have destroyed someone's work, or the file
   * system refused.
   */
  readonly failed: number;
  /** Of the failed files, those the file system refused (a read-only directory, a full disk, …). */
  readonly unwritable: number;
  readonly milliseconds: number;
}

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** The directory the config's relative paths start from. @default process.cwd() */
  root?: string;
  /** Overwrite (and delete) generated files that were edited by hand. @default false */
  force?: boolean;
  /**
   * Type-check the twins before writing them (see `verifyTwins`): a twin that holds a promise where its
   * source awaited, or has a type error its source does not, is reported and not written. @default false
   */
  verify?: boolean;
}

/**
 * Converts every source of the project and writes the twins: atomically, only when their content
 * changed, never over a file without the anysync banner, never over a hand edit unless `force`. Twins
 * whose source has errors are not written; generated files whose source is gone are removed.
 *
 * @example
 * ```ts
 * import { generate } from '@anysync/codegen';
 *
 * const report = await generate({ rules: [{ from: 'src/_async', to: 'src/_sync' }] });
 * console.log(`${report.written} written, ${report.unchanged} unchanged, ${report.failed} failed`);
 * ```
 */
export async function generate(
  config: AnysyncConfig | ResolvedConfig,
  options: GenerateOptions = {},
): Promise<GenerateReport> {
  const started = performance.now();
  const resolved = toResolvedConfig(config, options.root);
  const verify = checkVerifyOption(options.verify, 'generate', false);
  const run = runProject(resolved, { sourceMaps: verify });
  const verified = verify ? verifyProjectRun(run).diagnostics : [];
  const unverified = new Set(verified.filter((d) => d.severity === 'error').map((d) => d.file));
  const files: GeneratedFile[] = run.files.map((file) => {
    if (file.output === undefined) return { source: file.source, target: file.target, status: 'error' };
    if (unverified.has(file.source)) {
      const reason = 'the twin does not pass verification (see the twin-* errors)';
      return { source: file.source, target: file.target, status: 'error', reason };
    }
    return writeTwin(file.source, file.target, file.output, options.force ?? false);
  });
  const planned = new Set(run.files.map((file) => file.target));
  for (const orphan of findOrphans(resolved, planned))
    files.push(removeOrphan(orphan, options.force ?? false));
  const count = (status: GeneratedFile['status']) => files.filter((file) => file.status === status).length;
  return {
    files,
    diagnostics: [
      ...run.files.flatMap((file) => file.diagnostics),
      ...verified,
      ...findMissingDependencies(
        run.files.flatMap(({ target, output }) => (output === undefined ? [] : [{ target, output }])),
      ),
    ],
    unusedMappings: run.unusedMappings,
    written: count('written'),
    unchanged: count('unchanged'),
    removed: count('removed'),
    failed: count('error') + count('refused') + count('unwritable'),
    unwritable: count('unwritable'),
    milliseconds: performance.now() - started,
  };
}

function writeTwin(source: string, target: string, output: string, force: boolean): GeneratedFile {
  const mode = sourceMode(source);
  try {
    const obstacle = obstacleAt(target, output, force);
    if (obstacle === 'same') {
      const current = fileMode(target);
      if (mode === undefined || current === mode) return { source, target, status: 'unchanged' };
      chmodSync(target, mode);
      return { source, target, status: 'written', reason: `mode ${octal(current ?? 0)} → ${octal(mode)}` };
    }
    if (obstacle !== undefined) return { source, target, ...obstacle };
    atomicWrite(target, output, mode);
    return { source, target, status: 'written' };
  } catch (error) {
    return { source, target, status: 'unwritable', reason: fsFailureReason(error) };
  }
}

/**
 * What keeps the output from replacing the target: `'same'` when the target already holds it, a
 * refusal when replacing it would destroy someone's work, nothing when it may be written.
 */
function obstacleAt(
  target: string,
  output: string,
  force: boolean,
): 'same' | { status: 'refused' | 'unwritable'; reason: string } | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(target);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!stats.isFile()) {
    return { status: 'unwritable', reason: `${nonFileKind(stats)} is in the way; it is never replaced` };
  }
  const current = readFileSync(target);
  if (current.equals(Buffer.from(output, 'utf8'))) return 'same';
  const text = current.toString('utf8');
  if (!readBanner(text)) {
    return {
      status: 'refused',
      reason: 'exists and has no anysync banner (a hand-written file?); it is never overwritten',
    };
  }
  if (isHandEdited(text) && !force) {
    return {
      status: 'refused',
      reason: 'was edited by hand after it was generated; run with --force to discard those edits',
    };
  }
  return undefined;
}

function removeOrphan(target: string, force: boolean): GeneratedFile {
  try {
    if (isHandEdited(readFileSync(target, 'utf8')) && !force) {
      return {
        source: undefined,
        target,
        status: 'refused',
        reason: 'its source is gone, but it was edited by hand; delete it yourself or run with --force',
      };
    }
    rmSync(target);
    return { source: undefined, target, status: 'removed' };
  } catch (error) {
    return { source: undefined, target, status: 'unwritable', reason: fsFailureReason(error) };
  }
}
