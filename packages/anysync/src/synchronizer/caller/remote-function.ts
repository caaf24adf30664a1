import { Op, type CallableKind, type HandleMarker, type Signature } from '../protocol.js';
import type { CallOptions } from '../types.js';
import { AsyncRemoteIterator } from './async-remote-iterator.js';
import { checkCallOptions } from './check-options.js';
import type { Connection } from './connection.js';
import type { Future } from './future.js';
import { liveState } from './handle-table.js';

/** Which worker function a remote function calls. */
export interface FunctionTarget {
  /** The worker object the function is a member of (or the function itself when `name` is -1). */
  target: number;
  name: number;
  label: string;
  kind: CallableKind;
  /** The worker function's `name` and `length`, which this function takes on (else the label's end, 0). */
  signature?: Signature;
  /** The handle the function belongs to: checked live on every call and kept alive by the function. */
  self?: object;
}

/** A blocking function with its promise-returning twin and an option binder. */
export interface RemoteFunction {
  (...args: unknown[]): unknown;
  async(...args: unknown[]): Future<unknown> | AsyncGenerator<unknown>;
  with(options: CallOptions): RemoteFunction;
}

/**
 * Builds the caller's function for a worker function. Given a `marker`, the function is itself the handle
 * of a worker function value (returned from a call) and is registered as such.
 */
export function remoteFunction(
  connection: Connection,
  spec: FunctionTarget,
  marker?: HandleMarker,
  options?: CallOptions,
): RemoteFunction {
  const target = () => (spec.self ? liveState(spec.self).id : spec.target);
  const remote = function (this: unknown, ...args: unknown[]) {
    return connection.call(Op.call, target(), spec.name, args, options, spec.label);
  } as RemoteFunction;
  const generator = spec.kind === 'asyncGenerator' || spec.kind === 'generator';
  remote.async = (...args: unknown[]) => {
    const call = { op: Op.call, target: target(), name: spec.name, args, label: spec.label };
    if (generator)
      return AsyncRemoteIterator.deferred(() =>
        connection.callAsync<AsyncIterator<unknown>>(call, options, spec.self),
      );
    return connection.callAsync(call, options, spec.self);
  };
  remote.with = (more: CallOptions) => {
    checkCallOptions(more, `${spec.label}.with() options`);
    return remoteFunction(connection, spec, undefined, { ...options, ...more });
  };
  // Kept on the spec, so that the functions `with()` derives show it too.
  if (marker?.signature) spec.signature ??= marker.signature;
  const signature = spec.signature;
  const name = signature ? signature.name : spec.label.slice(spec.label.lastIndexOf('.') + 1);
  Object.defineProperty(remote, 'name', { value: name });
  Object.defineProperty(remote, 'length', { value: signature?.length ?? 0 });
  if (marker) {
    spec.self = remote;
    connection.handles.adopt(remote, marker.id, 'function', spec.label, marker.pinned);
  }
  return remote;
}
