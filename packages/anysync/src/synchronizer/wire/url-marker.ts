import { MARK, type UrlMarker } from '../protocol.js';

/**
 * The marker a `URL` crosses as, either way (see `UrlMarker`): Node's fs, `fetch` and `import()` all take
 * one, so it is passed and returned as the value it is, where structured clone would refuse it.
 *
 * @example
 * ```ts
 * urlMarker(new URL('file:///tmp/a.txt')); // { [MARK]: 'url', href: 'file:///tmp/a.txt' }
 * ```
 */
export function urlMarker(url: URL): UrlMarker {
  return { [MARK]: 'url', href: url.href };
}

/** A `URL` itself, not a subclass, whose methods a copy would lose. */
export function isPlainUrl(value: object): value is URL {
  return typeof URL === 'function' && Object.getPrototypeOf(value) === URL.prototype;
}
