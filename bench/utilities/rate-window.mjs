/** The most admissions that fell within any window of `interval` ms (admission times must be sorted). */
export function maxInWindow(times, interval) {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    // 1 ms of slack: timers fire on a millisecond grid.
    while (times[end] - times[start] >= interval - 1) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
