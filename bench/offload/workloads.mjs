// Two workloads, each a burst of tasks submitted at once and awaited together; throughput in tasks/s.
export const workloads = {
  small: {
    title: 'Small tasks (x => x + 1), 20 000 submitted at once',
    tasks: 20_000,
    run: (impl, i) => impl.small(i),
    check: (results) => results.every((value, i) => value === i + 1),
  },
  'cpu-heavy': {
    title: 'CPU-heavy tasks (fib(27), a few ms each: see the inline row), 64 submitted at once',
    tasks: 64,
    // A burst lasts a fraction of a second and the pools are close, so more bursts per process keep one
    // disturbed burst from deciding the comparison.
    rounds: 15,
    run: (impl) => impl.fib(27),
    check: (results) => results.every((value) => value === 196418),
  },
};
