import { nodeBuiltin } from './backends/node-builtin.js';
import { ownPrefixes } from './own-url.js';

const nodeUrl = nodeBuiltin<typeof import('node:url')>('node:url');

/** anysync's own code: frames there are not the caller. */
const OWN_ROOTS = ownPrefixes();
const FRAMES = 40;

/**
 * The URL of the module whose code called into anysync, read from the stack: the first frame outside
 * anysync's own files and Node's internals. Undefined when the stack says nothing usable (a runtime
 * with another stack format, code evaluated from a string).
 */
export function moduleOfCaller(): string | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const location = frameLocation(line);
    if (!location || location.startsWith('node:') || OWN_ROOTS.some((root) => location.startsWith(root))) {
      continue;
    }
    if (location.startsWith('file:') || location.startsWith('http')) return location;
  }
  return undefined;
}

/** The file of one stack line, as a URL: `at fn (file:///a.mjs:1:2)`, `at /a.js:1:2`, `fn@file:///a.js:1:2`. */
function frameLocation(line: string): string | undefined {
  const match =
    /\((.+):\d+:\d+\)\s*$/.exec(line) ??
    /\bat (?:async )?(.+):\d+:\d+\s*$/.exec(line) ??
    /@(.+):\d+:\d+$/.exec(line);
  const where = match?.[1]?.trim();
  if (!where) return undefined;
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(where) || where.startsWith('node:')) return where;
  if (nodeUrl && (where.startsWith('/') || /^[a-z]:\\/i.test(where)))
    return nodeUrl.pathToFileURL(where).href;
  return undefined;
}
