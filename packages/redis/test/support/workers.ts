import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('../fixtures/worker.mjs', import.meta.url));
const SKEW = fileURLToPath(new URL('../fixtures/skew.mjs', import.meta.url));

/** What one worker process printed. */
export interface WorkerRun {
  readonly child: ChildProcess;
  readonly events: Record<string, unknown>[];
  /** Resolves with the exit code (null when killed) once the process has exited. */
  readonly exited: Promise<number | null>;
  readonly stderr: () => string;
}

/** Starts a worker (test/fixtures/worker.mjs, on the built packages) with its clock off by `skewMs`. */
export function startWorker(scenario: string, port: number, config: object, skewMs = 0): WorkerRun {
  const child = spawn(
    process.execPath,
    ['--import', SKEW, WORKER, scenario, String(port), JSON.stringify(config)],
    {
      env: { ...process.env, ANYSYNC_SKEW_MS: String(skewMs) },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const events: Record<string, unknown>[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      events.push(JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>);
      buffered = buffered.slice(newline + 1);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, events, exited, stderr: () => stderr };
}

/** Waits until every worker is ready, then starts them all at once and waits for them to exit. */
export async function runTogether(
  workers: readonly WorkerRun[],
  onEvent?: (run: WorkerRun) => void,
): Promise<void> {
  const until = Date.now() + 30_000;
  while (!workers.every((run) => run.events.some((event) => event.ready === true))) {
    const dead = workers.find((run) => run.child.exitCode !== null);
    if (dead !== undefined) throw new Error(`a worker exited before it was ready: ${dead.stderr()}`);
    if (Date.now() > until) throw new Error('the workers did not get ready within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (const run of workers) run.child.stdin?.end('go\n');
  if (onEvent !== undefined) {
    for (const run of workers) run.child.stdout?.on('data', () => onEvent(run));
  }
  await Promise.all(workers.map((run) => run.exited));
}

/** The events of every worker that have `field`, in one list. */
export function collect<T>(workers: readonly WorkerRun[], field: string): T[] {
  return workers.flatMap((run) =>
    run.events.filter((event) => field in event).map((event) => event[field] as T),
  );
}
