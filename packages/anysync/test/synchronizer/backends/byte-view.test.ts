import { describe, expect, it } from 'vitest';
import {
  encodeIntoCopying,
  WebBytes,
  webUtf8ByteLength,
} from '../../../src/synchronizer/backends/byte-view.js';

/** Browsers' stand-in for Buffer over shared memory, checked against Buffer itself. */
describe('WebBytes', () => {
  const texts = ['', 'plain ascii', 'latin-1: é ÿ', 'BMP: ✓ €', 'astral: 😀𝄞', 'lone \ud800 surrogate'];

  it('writes and reads UTF-8 and latin-1 as Buffer does', () => {
    for (const text of texts) {
      const shared = new Uint8Array(new SharedArrayBuffer(128));
      const bytes = new WebBytes(shared);
      const written = bytes.utf8Write(text, 4);
      expect(written).toBe(Buffer.byteLength(text, 'utf8'));
      expect(bytes.toString('utf8', 4, 4 + written)).toBe(Buffer.from(text, 'utf8').toString('utf8'));
      const latin = bytes.latin1Write(text, 0);
      expect(bytes.latin1Slice(0, latin)).toBe(Buffer.from(text, 'latin1').toString('latin1'));
    }
  });

  it('decodes long latin-1 runs in chunks', () => {
    const text = 'x'.repeat(50_000);
    const bytes = new WebBytes(new Uint8Array(50_000));
    bytes.latin1Write(text);
    expect(bytes.toString('latin1')).toBe(text);
  });

  it('measures UTF-8 length as Buffer.byteLength does', () => {
    for (const text of texts) expect(webUtf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('encodes into a target through a private buffer, stopping where it is full', () => {
    for (const text of texts) {
      const target = new Uint8Array(new SharedArrayBuffer(8));
      const expected = new TextEncoder().encodeInto(text, new Uint8Array(8));
      expect(encodeIntoCopying(text, target)).toEqual(expected);
      expect(Buffer.from(target.slice(0, expected.written)).toString()).toBe(
        text.slice(0, expected.read).replace('\ud800', '\ufffd'),
      );
    }
  });
});
