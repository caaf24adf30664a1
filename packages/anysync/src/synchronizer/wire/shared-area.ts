/** The ES2024 growable `SharedArrayBuffer`, which the project's ES2023 lib does not declare yet. */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  readonly growable: boolean;
  readonly maxByteLength: number;
  grow(byteLength: number): void;
}

const Growable = SharedArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => GrowableSharedArrayBuffer;

/** Initial size of an area; most calls never need more. */
const INITIAL_BYTES = 64 * 1024;

/**
 * A growable shared buffer that one side writes and the other reads. Either side may grow it; growth is
 * visible to both at once, so a payload larger than the current size never needs a second handshake.
 * Payloads beyond `maxByteLength` do not fit and travel by message instead.
 */
export class SharedArea {
  readonly buffer: GrowableSharedArrayBuffer;
  /** Length-tracking views: they follow growth without being recreated. */
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly u8: Uint8Array;
  #bytes: Buffer;

  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer as GrowableSharedArrayBuffer;
    this.i32 = new Int32Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.u8 = new Uint8Array(buffer);
    this.#bytes = Buffer.from(buffer);
  }

  /** Allocates the shared memory for an area that may grow up to `maxBytes`. */
  static allocate(maxBytes: number): SharedArrayBuffer {
    const max = Math.max(INITIAL_BYTES, align(maxBytes));
    return new Growable(INITIAL_BYTES, { maxByteLength: max });
  }

  /** A `Buffer` over the whole area, for Node's fast string codecs; rebuilt after the area grew. */
  get bytes(): Buffer {
    if (this.#bytes.length !== this.buffer.byteLength) this.#bytes = Buffer.from(this.buffer);
    return this.#bytes;
  }

  /** Makes room for `byteLength` bytes; false when that exceeds the area's maximum. */
  ensure(byteLength: number): boolean {
    const current = this.buffer.byteLength;
    if (byteLength <= current) return true;
    const max = this.buffer.maxByteLength;
    if (byteLength > max) return false;
    this.buffer.grow(Math.min(max, align(Math.max(byteLength, current * 2))));
    return true;
  }
}

/** Rounds up to a multiple of 8 so every value starts aligned for the `Float64Array` view. */
export function align(byteLength: number): number {
  return (byteLength + 7) & ~7;
}
