import { nodeBuiltin } from '../backends/node-builtin.js';
import { ownPrefixes } from '../own-url.js';

const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');

/**
 * Frames from the synchronizer's own files say nothing about the user's code; they are dropped. Both the
 * compiled files and, for stacks rewritten through source maps, the sources they came from.
 */
const OWN = ownPrefixes().flatMap(
  // File paths too where stacks show them (Node); browsers show URLs only.
  (href) => (nodeUrl && href.startsWith('file:') ? [href, nodeUrl.fileURLToPath(href)] : [href]),
);
/**
 * How frames in the worker code embedded for bundled tools are named (a `sourceURL` the build adds, see
 * `scripts/embed-synchronizer-worker.mjs`); without it they would name the whole `data:` URL.
 */
export const EMBEDDED_FRAME = 'anysync-embedded:';
const EXTRA_FRAMES = 12;

/**
 * The caller's side of a failed blocking call, formatted as stack lines to append to the worker error's
 * stack: a boundary line, then the frames of the code that made the call, without synchronizer internals.
 */
export function callSite(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = limit + EXTRA_FRAMES;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frames = stack
    .split('\n')
    .slice(1)
    .filter((line) => !isOwnFrame(line))
    .slice(0, limit);
  return ['    at <synchronizer worker boundary>', ...frames].join('\n');
}

/** Whether a stack line points into the synchronizer's own files, on either side. */
export function isOwnFrame(line: string): boolean {
  return (
    OWN.some((prefix) => line.includes(prefix)) ||
    line.includes(EMBEDDED_FRAME) ||
    line.includes('node:async_hooks')
  );
}
