import type { ClientAdapterOptions } from './node-redis-client.js';

/** `options.crossSlot`, checked; `plain` says whether the client is one of a single server. */
export function crossSlotOf(
  adapter: string,
  options: ClientAdapterOptions | undefined,
  plain: boolean,
): boolean {
  const crossSlot = options?.crossSlot;
  if (crossSlot === undefined) return plain;
  if (typeof crossSlot !== 'boolean') {
    throw new TypeError(`${adapter}: crossSlot must be a boolean, got ${String(crossSlot)}`);
  }
  if (crossSlot && !plain) {
    throw new TypeError(`${adapter}: crossSlot cannot be true for a cluster, whose keys live on many nodes`);
  }
  return crossSlot;
}
