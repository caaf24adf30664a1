/** Where a byte sequence stops being UTF-8, and why. */
export interface Utf8Error {
  /** Offset of the first byte that does not belong to a well-formed character. */
  readonly offset: number;
  /** The text decoded before that byte (to tell line and column). */
  readonly before: string;
  readonly reason: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 strictly: a byte order mark is kept as U+FEFF, and a malformed sequence is an error
 * with its offset instead of a U+FFFD in the text (which would be written back into the twin, losing
 * the original bytes for good).
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: Utf8Error } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const { offset, reason } = firstMalformed(bytes);
    return { error: { offset, reason, before: decoder.decode(bytes.subarray(0, offset)) } };
  }
}

/** The first malformed sequence, by the rules of the WHATWG decoder (which `TextDecoder` follows). */
function firstMalformed(bytes: Uint8Array): { offset: number; reason: string } {
  const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0) {
      const why = lead < 0xc0 ? 'a continuation byte with no lead byte' : 'a byte that never occurs in UTF-8';
      return { offset: i, reason: `byte ${hex(lead)} is ${why}` };
    }
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined) {
        return { offset: i, reason: `the file ends inside a character (lead byte ${hex(lead)})` };
      }
      if (next >= 0x80 && next <= 0xbf && (next < min || next > max)) {
        const what = 'an overlong form, a UTF-16 surrogate or a code point above U+10FFFF';
        return { offset: i, reason: `bytes ${hex(lead)} ${hex(next)} start ${what}` };
      }
      if (next < min || next > max) {
        return {
          offset: i,
          reason: `byte ${hex(lead)} starts a character that byte ${hex(next)} does not continue`,
        };
      }
    }
    i += length;
  }
  return { offset: bytes.length, reason: 'malformed UTF-8' };
}
