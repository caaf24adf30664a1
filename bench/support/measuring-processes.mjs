// The measuring processes of a bench whose every process prints one JSON result: run one after the other
// per condition, each after the machine has settled, and for the loaded condition beside busy processes
// started for it alone.
import { spawnSync } from 'node:child_process';
import { startBusyProcesses } from './background-load.mjs';
import { waitForQuietLoad } from './quiet-load.mjs';

/**
 * Runs `processes` times, per condition (`quiet` or `loaded`), `node --expose-gc <script> ...argv`, after
 * the 1-minute load average falls under `quietLoad`, and for `loaded` beside `busy` busy processes.
 * Returns, per condition, each process's parsed output and the load average before it. A process that
 * fails fails the run, with its stderr.
 */
export async function runMeasuringProcesses({ script, argv, conditions, processes, quietLoad, busy }) {
  const results = {};
  const loads = {};
  for (const condition of conditions) {
    results[condition] = [];
    loads[condition] = [];
    for (let p = 0; p < processes; p++) {
      loads[condition].push(await waitForQuietLoad(quietLoad));
      const stop = condition === 'loaded' ? startBusyProcesses(busy) : undefined;
      const child = spawnSync(process.execPath, ['--expose-gc', script, ...argv], {
        encoding: 'utf8',
        maxBuffer: 16 << 20,
        timeout: 30 * 60_000,
      });
      await stop?.();
      if (child.status !== 0) throw new Error(`measuring process failed:\n${child.stderr}`);
      results[condition].push(JSON.parse(child.stdout));
    }
  }
  return { results, loads };
}

/** The report's load line: the load average before each process of each condition, and the busy processes. */
export function loadLine(conditions, loads, busy) {
  return conditions
    .map(
      (condition) =>
        `${condition}: 1-minute load average ${loads[condition].map((load) => load.toFixed(2)).join(', ')} before each measuring process${condition === 'loaded' ? ` (plus ${busy} busy processes started by the runner)` : ''}`,
    )
    .join('; ');
}
