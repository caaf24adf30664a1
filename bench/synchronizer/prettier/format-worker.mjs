// The worker side shared by anysync (loaded as a module) and synckit (wrapped by synckit-worker.mjs):
// prettier's async format, and the same with the time prettier itself took on this thread, so the cost of
// formatting can be told apart from the cost of getting there and back.
import { format } from 'prettier';

export { format };

export async function timedFormat(text, options) {
  const started = performance.now();
  const output = await format(text, options);
  return [output, performance.now() - started];
}
