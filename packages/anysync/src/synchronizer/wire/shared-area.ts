import { byteView } from '../backends/byte-view.js';

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
 *
 * The views are fixed-length and rebuilt after growth: on Node 20, element access through length-tracking
 * views of a growable buffer is several times slower than through fixed ones.
 */
export class SharedArea {
  readonly buffer: GrowableSharedArrayBuffer;
  i32!: Int32Array;
  f64!: Float64Array;
  u8!: Uint8Array;
  bytes!: Buffer;
  #length = -1;

  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer as GrowableSharedArrayBuffer;
    this.refresh();
  }

  /** Allocates the shared memory for an area that may grow up to `maxBytes`. */
  static allocate(maxBytes: number): SharedArrayBuffer {
    const max = Math.max(INITIAL_BYTES, align(maxBytes));
    return new Growable(INITIAL_BYTES, { maxByteLength: max });
  }

  /** Bytes the views cover: the buffer's length when they were last built. */
  get viewLength(): number {
    return this.#length;
  }

  /**
   * Catches up with growth by the other side; readers call it when they need bytes past `viewLength`
   * (reading a growable buffer's length is a call into the runtime, too slow to make for every read).
   */
  refresh(): void {
    const length = this.buffer.byteLength;
    if (length === this.#length) return;
    this.#length = length;
    this.i32 = new Int32Array(this.buffer, 0, length >> 2);
    this.f64 = new Float64Array(this.buffer, 0, length >> 3);
    this.u8 = new Uint8Array(this.buffer, 0, length);
    this.bytes = byteView(this.buffer, 0, length);
  }

  /** Makes room for `byteLength` bytes; false when that exceeds the area's maximum. */
  ensure(byteLength: number): boolean {
    if (byteLength <= this.#length) return true;
    this.refresh();
    if (byteLength <= this.#length) return true;
    const max = this.buffer.maxByteLength;
    if (byteLength > max) return false;
    this.buffer.grow(Math.min(max, align(Math.max(byteLength, this.#length * 2))));
    this.refresh();
    return true;
  }
}

/** Rounds up to a multiple of 8 so every value starts aligned for the `Float64Array` view. */
export function align(byteLength: number): number {
  return (byteLength + 7) & ~7;
}
