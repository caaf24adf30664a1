import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { checkOptionalString, checkOptionalStringArray } from '../internal/check-string.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import type { PoolOptions } from './worker-pool.js';

const KNOWN = [
  'size',
  'maxQueue',
  'pipeline',
  'timeout',
  'terminateOnAbort',
  'execArgv',
  'env',
  'loader',
  'errors',
  'maxBatch',
  'name',
];

function checkEnv(env: unknown): void {
  if (env === undefined) return;
  const ok =
    typeof env === 'object' &&
    env !== null &&
    !Array.isArray(env) &&
    Object.values(env).every((value) => value === undefined || typeof value === 'string');
  if (!ok)
    throw invalidArgument('type', 'WorkerPool: env', 'an object of strings (or undefined values)', env);
}

function checkErrorClasses(errors: unknown): void {
  if (errors === undefined) return;
  if (!Array.isArray(errors) || !errors.every((errorClass) => typeof errorClass === 'function')) {
    throw invalidArgument('type', 'WorkerPool: errors', 'an array of error classes', errors);
  }
}

/**
 * A `WorkerPool`'s options, checked when it is created: a bad size or timeout would otherwise surface at
 * the first call, or never (a size of 0 was read as 1, a maxQueue of 0 refused every call).
 */
export function checkPoolOptions(options: PoolOptions): void {
  checkOptions(options, 'WorkerPool', KNOWN);
  if (options.size !== undefined) checkInteger(options.size, 'WorkerPool: size', 1);
  if (options.maxQueue !== undefined) {
    checkInteger(options.maxQueue, 'WorkerPool: maxQueue', 1, Number.POSITIVE_INFINITY);
  }
  if (options.pipeline !== undefined) checkInteger(options.pipeline, 'WorkerPool: pipeline', 1);
  if (options.timeout !== undefined) checkMilliseconds(options.timeout, 'WorkerPool: timeout', true, true);
  checkOptionalBoolean(options.terminateOnAbort, 'WorkerPool: terminateOnAbort');
  checkOptionalStringArray(options.execArgv, 'WorkerPool: execArgv');
  checkEnv(options.env);
  checkOptionalString(options.loader, 'WorkerPool: loader');
  checkErrorClasses(options.errors);
  if (options.maxBatch !== undefined) checkInteger(options.maxBatch, 'WorkerPool: maxBatch', 1);
  checkOptionalString(options.name, 'WorkerPool: name');
}
