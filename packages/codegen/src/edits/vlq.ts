const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// Most deltas in a map are small; their encodings are computed once.
const SMALL = Array.from({ length: 31 }, (_, i) => encode(i - 15));

/** Encodes one signed integer as a base64 VLQ, the number format of source map `mappings`. */
export function encodeVlq(value: number): string {
  return value >= -15 && value <= 15 ? (SMALL[value + 15] as string) : encode(value);
}

function encode(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}
