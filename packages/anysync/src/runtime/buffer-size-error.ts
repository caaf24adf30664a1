import type * as NodeUtil from 'node:util';
import { codedError } from './coded-error.js';
import { requireBuiltin } from './require-builtin.js';

const MAX_BUFFER_SIZE = 4_294_967_295;

/**
 * The error `fs.opendirSync` gives for `options.bufferSize` (class, code and message), or undefined when the
 * size is fine or not given. Node 20 opens the directory first and checks the size after, so there a bad
 * size loses an open descriptor until garbage collection: `opendirSync` looks before it opens.
 */
export function bufferSizeError(options: unknown): Error | undefined {
  if (options === null || typeof options !== 'object') return undefined;
  const size = (options as { bufferSize?: unknown }).bufferSize;
  if (size === undefined) return undefined;
  const name = 'options.bufferSize';
  if (typeof size !== 'number') {
    return codedError(
      TypeError,
      'ERR_INVALID_ARG_TYPE',
      `The "${name}" property must be of type number. Received ${received(size)}`,
    );
  }
  if (!Number.isInteger(size)) return outOfRange(name, 'an integer', size);
  if (size < 1 || size > MAX_BUFFER_SIZE) return outOfRange(name, `>= 1 && <= ${MAX_BUFFER_SIZE}`, size);
  return undefined;
}

function outOfRange(name: string, range: string, value: number): RangeError {
  const shown = Number.isInteger(value) && Math.abs(value) > 2 ** 32 ? withSeparators(value) : inspect(value);
  return codedError(
    RangeError,
    'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`,
  );
}

/** Node's way of showing a value of the wrong type in an argument error. */
function received(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof constructorName === 'string' && constructorName !== ''
      ? `an instance of ${constructorName}`
      : inspect(value, -1);
  }
  let shown = inspect(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

function inspect(value: unknown, depth?: number): string {
  const util = requireBuiltin<typeof NodeUtil>('node:util', 'opendirSync');
  return depth === undefined ? util.inspect(value) : util.inspect(value, { depth });
}

/** 8589934592 as 8_589_934_592, as Node shows large integers in range errors. */
function withSeparators(value: number): string {
  const digits = String(Math.abs(value));
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    grouped = `${digits.slice(Math.max(0, end - 3), end)}${grouped === '' ? '' : '_'}${grouped}`;
  }
  return `${value < 0 ? '-' : ''}${grouped}`;
}
