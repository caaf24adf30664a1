import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/text/decode-utf8.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

describe('decodeUtf8()', () => {
  it('keeps a byte order mark and decodes well-formed text', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9))).toEqual({ text: '\uFEFFaé' });
  });

  it.each([
    ['a Latin-1 é', [0x61, 0x0a, 0x62, 0xe9, 0x63], 3, /byte 0xE9 starts a character that byte 0x63/],
    ['a lone continuation byte', [0x61, 0x80], 1, /0x80 is a continuation byte with no lead byte/],
    ['an overlong slash', [0xc0, 0xaf], 0, /0xC0 is a byte that never occurs/],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1, /bytes 0xED 0xA0 start .*surrogate/],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0, /0xF4 0x90/],
    ['a character cut off at the end', [0x61, 0xe2, 0x82], 1, /ends inside a character/],
    ['a malformed byte after a well-formed U+FFFD', [0xef, 0xbf, 0xbd, 0xc0], 3, /0xC0 is a byte that never/],
  ])('refuses %s at its offset', (_name, input, offset, reason) => {
    const result = decodeUtf8(bytes(...input));
    expect(result).toMatchObject({ error: { offset, reason: expect.stringMatching(reason) } });
  });

  it('agrees with the WHATWG decoder on random bytes: same verdict, error at its first U+FFFD', () => {
    const nearUtf8 = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x7f }),
        fc.integer({ min: 0x80, max: 0xbf }),
        fc.constantFrom(0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(nearUtf8, (values) => {
        const input = Uint8Array.from(values);
        const result = decodeUtf8(input);
        const replaced = lenient.decode(input);
        if ('text' in result) {
          expect(result.text).toBe(replaced);
        } else {
          // The text before the error may hold a U+FFFD of its own (bytes EF BF BD are well formed), so
          // the lenient decoder's first replacement is looked for right after it, not anywhere.
          const { before, offset } = result.error;
          expect(lenient.decode(input.subarray(0, offset))).toBe(before);
          expect(replaced.slice(0, before.length)).toBe(before);
          expect(replaced.charAt(before.length)).toBe('\uFFFD');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
