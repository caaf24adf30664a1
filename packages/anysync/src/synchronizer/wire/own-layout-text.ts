import type { OwnMethod } from '../protocol.js';

/**
 * A text naming an instance's own-property layout (which fields, which methods of what kind and length),
 * equal for every instance that has the same own properties: the key both sides cache a layout under.
 *
 * @example
 * ```ts
 * ownLayoutText([['x', 3], ['y', 4]], [['scale', 5, 'function', 1]]); // '3,4|5:function:1'
 * ```
 */
export function ownLayoutText(fields: readonly [string, number][], methods: readonly OwnMethod[]): string {
  const fieldIds = fields.map((field) => field[1]).join(',');
  return `${fieldIds}|${methods.map(([, nameId, kind, length]) => `${nameId}:${kind}:${length}`).join(',')}`;
}
