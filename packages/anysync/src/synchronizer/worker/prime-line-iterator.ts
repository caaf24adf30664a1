import { nodeBuiltin } from '../backends/node-builtin.js';

type Readline = typeof import('node:readline');

/**
 * The class of readline's interfaces. `readline.Interface` (and `readline/promises`) extend it, and
 * `FileHandle.readLines()` makes the base class itself, so it is found as the parent of the public one.
 * Null where there is none (browsers); undefined until first looked up.
 */
let lineReader: (abstract new () => object) | null | undefined;

function lineReaderClass(readline: Readline | undefined): (abstract new () => object) | undefined {
  const exposed = readline?.Interface as unknown as (abstract new () => object) | undefined;
  if (!exposed) return undefined;
  const base: unknown = Object.getPrototypeOf(exposed);
  const iterates = (base as { prototype?: Record<symbol, unknown> } | null)?.prototype?.[
    Symbol.asyncIterator
  ];
  // Where the parent is not readline's own (another runtime's layout), the public class is all there is.
  return typeof base === 'function' && typeof iterates === 'function'
    ? (base as abstract new () => object)
    : exposed;
}

/**
 * Makes the async iterator of a readline interface now, as it is handed to the caller. An interface reads
 * its input from the start and emits each line whether or not anyone listens; only its iterator (made
 * once, and returned again by later calls) keeps them, pausing the input while 1,024 wait. In async code
 * `for await` starts in the same tick, but the caller's `for … of` over the handle comes in a later
 * request, and the worker's event loop runs in between: the lines read meanwhile would be lost, silently.
 *
 * @example
 * ```ts
 * // on the caller: every line, however long after readLines() the loop starts
 * for (const line of fs.open(path).readLines()) lines.push(line);
 * ```
 */
export function primeLineIterator(value: object): void {
  // Looked up at the first instance handed over, not when the worker starts: most workers never need it.
  if (lineReader === undefined) lineReader = lineReaderClass(nodeBuiltin<Readline>('node:readline')) ?? null;
  if (lineReader && value instanceof lineReader) (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
}
