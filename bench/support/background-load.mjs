import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * A stated background load: `count` processes (default: one per core) that each spin on a core until
 * stopped, so a benchmark can measure what its code does on a busy machine, not only a quiet one.
 * Returns a function that stops them and waits until they are gone.
 */
export function startBusyProcesses(count = os.availableParallelism()) {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return async function stop() {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGKILL');
          }),
      ),
    );
  };
}
