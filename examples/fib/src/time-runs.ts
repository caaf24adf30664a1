/** What {@link timeRuns} measured. */
export interface TimedRuns {
  readonly name: string;
  readonly runs: number;
  /** Wall-clock seconds the counted runs took together. */
  readonly seconds: number;
  readonly msPerRun: number;
}

/** Options of {@link timeRuns}. */
export interface TimeRunsOptions {
  /** Keep running until this many seconds have passed (default 1, as in the talk). */
  readonly seconds?: number;
  /** Uncounted runs first, so that start-up (JIT, a pool's threads) is not in the figure (default 1). */
  readonly warmUp?: number;
  /** The clock in milliseconds (default `performance.now`); tests pass a fake one. */
  readonly now?: () => number;
}

/**
 * Runs `run` again and again, one run at a time, until `seconds` have passed: the talk's way of timing
 * `fibs` against `fibp` (and `many_random` against `async_random`).
 */
export async function timeRuns(
  name: string,
  run: () => unknown,
  options: TimeRunsOptions = {},
): Promise<TimedRuns> {
  const { seconds = 1, warmUp = 1, now = () => performance.now() } = options;
  if (!(seconds > 0 && Number.isFinite(seconds)))
    throw new RangeError(`seconds must be above 0, got ${seconds}`);
  if (!(Number.isInteger(warmUp) && warmUp >= 0))
    throw new RangeError(`warmUp must be a whole number, got ${warmUp}`);
  for (let i = 0; i < warmUp; i++) await run();
  const started = now();
  let runs = 0;
  let elapsed = 0;
  do {
    await run();
    runs++;
    elapsed = now() - started;
  } while (elapsed < seconds * 1000);
  return { name, runs, seconds: elapsed / 1000, msPerRun: elapsed / runs };
}

/** The talk's line: `156 runs of fibs in 1.0 s: 6.42 msec per run` (`sec per run` from a second up). */
export function formatRuns(timed: TimedRuns): string {
  const perRun =
    timed.msPerRun < 1000 ? `${timed.msPerRun.toFixed(2)} msec` : `${(timed.msPerRun / 1000).toFixed(3)} sec`;
  return `${timed.runs} runs of ${timed.name} in ${timed.seconds.toFixed(1)} s: ${perRun} per run`;
}
