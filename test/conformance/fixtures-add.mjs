// Loaded on a Synchronizer's worker and on a WorkerPool's threads by the server checks.
export async function add(a, b) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return a + b;
}

export function square(n) {
  return n * n;
}
