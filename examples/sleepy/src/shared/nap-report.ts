import type { BackendName } from '../backends/backend.js';

/** What one call to `sleepALot` did. */
export interface NapReport {
  readonly naps: number;
  /** The length of each nap asked for, in seconds. */
  readonly seconds: number;
  /** The backend that slept. */
  readonly backend: BackendName;
  /** Wall-clock seconds the naps took together: about one nap when they ran in parallel. */
  readonly elapsed: number;
  /** Seconds spent getting ready first (starting threads on first use); about 0 once ready. */
  readonly setup: number;
  /** The longest single nap, in seconds. */
  readonly longest: number;
}

/** Builds the report of a run from the naps' own measurements. */
export function napReport(
  backend: BackendName,
  seconds: number,
  slept: readonly number[],
  times: { readonly setup: number; readonly elapsed: number },
): NapReport {
  return { naps: slept.length, seconds, backend, ...times, longest: Math.max(0, ...slept) };
}

/** One line for people: `3 naps of 1 s on timers in 1.00 s`, and the setup when there was some. */
export function formatNapReport(report: NapReport): string {
  const naps = report.naps === 1 ? '1 nap' : `${report.naps} naps`;
  const setup = report.setup >= 0.005 ? ` (after ${report.setup.toFixed(2)} s of setup on first use)` : '';
  return `${naps} of ${report.seconds} s on ${report.backend} in ${report.elapsed.toFixed(2)} s${setup}`;
}
