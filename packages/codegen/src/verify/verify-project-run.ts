import type { ProjectRun } from '../generate/project-run.js';
import { type VerifyReport, verifyTwins } from './verify-twins.js';

/**
 * Verifies the twins of a project run (`generate --verify`, `check`): every twin that would be written
 * is checked; a twin whose source has errors is only there so that its neighbours' imports resolve.
 * The run must have been made with source maps.
 */
export function verifyProjectRun(run: ProjectRun): VerifyReport {
  const twins = run.files.flatMap((file) => {
    const report = file.output !== undefined;
    if (report && file.map === undefined)
      throw new Error(`${file.target}: the run was made without source maps`);
    const common = { source: file.source, sourceText: file.sourceText, target: file.target, code: file.code };
    return file.map === undefined ? [{ ...common, report: false }] : [{ ...common, map: file.map, report }];
  });
  return verifyTwins(twins, { cwd: run.config.root, severity: run.config.severity ?? {} });
}
