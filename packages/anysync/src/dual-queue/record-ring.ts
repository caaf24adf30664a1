import { COUNT, HEAD, HEADER_BYTES, USED } from './shared-layout.js';

/**
 * The records of a queue in a ring of shared bytes: each is a 4-byte length, a 1-byte tag and the
 * payload, and may wrap around the end of the ring. Callers hold the queue's lock.
 */
export class RecordRing {
  readonly #bytes: Uint8Array;
  readonly #header = new Uint8Array(HEADER_BYTES);
  readonly #headerView = new DataView(this.#header.buffer);

  constructor(
    readonly control: Int32Array,
    data: SharedArrayBuffer,
  ) {
    this.#bytes = new Uint8Array(data);
  }

  get capacity(): number {
    return this.#bytes.length;
  }

  /** Whether a payload of `length` bytes fits now. */
  fits(length: number): boolean {
    return Atomics.load(this.control, USED) + HEADER_BYTES + length <= this.#bytes.length;
  }

  /** Appends a record; the caller checked that it fits. */
  write(tag: number, payload: Uint8Array): void {
    const control = this.control;
    const used = Atomics.load(control, USED);
    const tail = (Atomics.load(control, HEAD) + used) % this.#bytes.length;
    this.#headerView.setUint32(0, payload.length, true);
    this.#header[4] = tag;
    const afterHeader = this.#copyIn(this.#header, tail);
    this.#copyIn(payload, afterHeader);
    Atomics.store(control, USED, used + HEADER_BYTES + payload.length);
    Atomics.add(control, COUNT, 1);
  }

  /** Removes the oldest record and returns its tag and a private copy of its payload. */
  read(): { tag: number; payload: Uint8Array } {
    const control = this.control;
    const head = Atomics.load(control, HEAD);
    const afterHeader = this.#copyOut(this.#header, head);
    const length = this.#headerView.getUint32(0, true);
    const tag = this.#header[4] as number;
    const payload = new Uint8Array(length);
    const next = this.#copyOut(payload, afterHeader);
    Atomics.store(control, HEAD, next);
    Atomics.sub(control, USED, HEADER_BYTES + length);
    Atomics.sub(control, COUNT, 1);
    return { tag, payload };
  }

  /** Copies `source` into the ring at `at`, wrapping; returns the position after it. */
  #copyIn(source: Uint8Array, at: number): number {
    const ring = this.#bytes;
    const first = Math.min(source.length, ring.length - at);
    ring.set(first === source.length ? source : source.subarray(0, first), at);
    if (first < source.length) ring.set(source.subarray(first), 0);
    return (at + source.length) % ring.length;
  }

  /** Fills `target` from the ring at `at`, wrapping; returns the position after it. */
  #copyOut(target: Uint8Array, at: number): number {
    const ring = this.#bytes;
    const first = Math.min(target.length, ring.length - at);
    target.set(ring.subarray(at, at + first), 0);
    if (first < target.length) target.set(ring.subarray(0, target.length - first), first);
    return (at + target.length) % ring.length;
  }
}
