import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnysyncConfig } from '../config/anysync-config.js';
import { type ResolvedConfig, toResolvedConfig } from '../config/resolve-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isHandEdited, readBanner } from './banner.js';
import { findOrphans } from './find-orphans.js';
import { fsFailureReason, nonFileKind } from './fs-failure-reason.js';
import { runProject } from './project-run.js';
import { fileMode, octal, sourceMode } from './twin-mode.js';
import { checkVerifyOption } from './check-verify-option.js';
import { verifyProjectRun } from '../verify/verify-project-run.js';
import type { VerifyReport } from '../verify/verify-twins.js';
import { type AsyncResidue, findAsyncResidue } from '../verify/find-async-residue.js';
import { unifiedDiff } from './unified-diff.js';

/** The state of one generated file compared with what `generate` would write now. */
export interface CheckedFile {
  readonly source: string | undefined;
  readonly target: string;
  readonly status:
    | 'up-to-date'
    | 'stale'
    | 'missing'
    | 'hand-edited'
    | 'not-generated'
    | 'error'
    | 'orphaned';
  /** For `stale` and `hand-edited`: what would change, as a unified diff (expected → on disk). */
  readonly diff?: string;
  /** Why, when the status alone does not say (a mode that differs from the source's, a directory in the way). */
  readonly reason?: string;
  /** Async constructs the twin would still contain (from ignored lines): it could not run synchronously. */
  readonly residue?: readonly AsyncResidue[];
}

/** The outcome of {@link check}; `ok` is what CI gates on. */
export interface CheckReport {
  readonly ok: boolean;
  readonly files: readonly CheckedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly unusedMappings: readonly string[];
  /**
   * The type-check of the regenerated twins (`verify`), whose findings are also among `diagnostics`;
   * `undefined` when it was skipped.
   */
  readonly verification: VerifyReport | undefined;
  readonly milliseconds: number;
}

/** Options of {@link check}. */
export interface CheckOptions {
  /** The directory the config's relative paths start from. @default process.cwd() */
  root?: string;
  /**
   * Type-check the regenerated twins (see `verifyTwins`): a twin that holds a promise where its source
   * awaited, or has a type error its source does not, fails the check. @default true
   */
  verify?: boolean;
}

/**
 * Regenerates every twin in memory and compares bytes with what is on disk, without writing anything.
 * Reports stale, missing, orphaned and hand-edited files, files in the way that anysync did not
 * generate, sources with errors, and mapping entries that never fired.
 *
 * @example
 * ```ts
 * import { check } from '@anysync/codegen';
 *
 * const report = await check({ rules: [{ from: 'src/_async', to: 'src/_sync' }] });
 * if (!report.ok) process.exitCode = 1;
 * ```
 */
export async function check(
  config: AnysyncConfig | ResolvedConfig,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const started = performance.now();
  const resolved = toResolvedConfig(config, options.root);
  const verify = checkVerifyOption(options.verify, 'check', true);
  const run = runProject(resolved, { sourceMaps: verify });
  const files: CheckedFile[] = run.files.map((file) => {
    if (file.output === undefined) return { source: file.source, target: file.target, status: 'error' };
    const checked = compare(file.source, file.target, file.output, resolved.root);
    const residue = findAsyncResidue(file.output, file.target);
    return residue.length === 0 ? checked : { ...checked, residue };
  });
  const planned = new Set(run.files.map((file) => file.target));
  for (const orphan of findOrphans(resolved, planned))
    files.push({ source: undefined, target: orphan, status: 'orphaned' });
  const verification = verify ? verifyProjectRun(run) : undefined;
  const verified = verification?.diagnostics ?? [];
  const diagnostics = [...run.files.flatMap((file) => file.diagnostics), ...verified];
  const ok =
    files.every((file) => file.status === 'up-to-date' && file.residue === undefined) &&
    run.unusedMappings.length === 0 &&
    verified.every((diagnostic) => diagnostic.severity !== 'error');
  return {
    ok,
    files,
    diagnostics,
    unusedMappings: run.unusedMappings,
    verification,
    milliseconds: performance.now() - started,
  };
}

function compare(source: string, target: string, output: string, root: string): CheckedFile {
  let current: Buffer;
  try {
    const stats = lstatSync(target);
    if (!stats.isFile()) {
      return { source, target, status: 'not-generated', reason: `${nonFileKind(stats)} is in the way` };
    }
    current = readFileSync(target);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { source, target, status: 'missing' };
    return { source, target, status: 'not-generated', reason: `cannot be read: ${fsFailureReason(error)}` };
  }
  if (current.equals(Buffer.from(output, 'utf8'))) {
    const expected = sourceMode(source);
    const actual = fileMode(target);
    if (expected === undefined || actual === expected) return { source, target, status: 'up-to-date' };
    return {
      source,
      target,
      status: 'stale',
      reason: `its mode is ${octal(actual ?? 0)}, its source's ${octal(expected)}`,
    };
  }
  const text = current.toString('utf8');
  const relative = path.relative(root, target);
  const diff = unifiedDiff(output, text, {
    expected: `${relative} (generated now)`,
    actual: `${relative} (on disk)`,
  });
  if (!readBanner(text)) return { source, target, status: 'not-generated', diff };
  return { source, target, status: isHandEdited(text) ? 'hand-edited' : 'stale', diff };
}
