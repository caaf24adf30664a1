import {
  COUNT,
  HEAD,
  HEADER_BYTES,
  JOURNAL,
  JOURNAL_COUNT,
  JOURNAL_HEAD,
  JOURNAL_USED,
  USED,
} from './shared-layout.js';
import { isTextTag } from './value-codec.js';

interface SharedText {
  toString(encoding: 'utf8', start: number, end: number): string;
}
/** Node's Buffer decodes UTF-8 straight out of shared memory; elsewhere text is copied out first. */
const NodeBuffer = (globalThis as { Buffer?: { from(buffer: SharedArrayBuffer): SharedText } }).Buffer;

const utf8 = new TextEncoder();
/** Up to this many UTF-16 units, a string is written by a loop rather than by the encoder. */
const SHORT_TEXT = 64;

/**
 * Makes the journalled state current, if a lock holder committed one and did not finish applying it
 * (it died): called by whoever recovers the lock, before anyone else can take it.
 */
export function replayJournal(control: Int32Array): void {
  if (Atomics.load(control, JOURNAL) !== 1) return;
  Atomics.store(control, HEAD, Atomics.load(control, JOURNAL_HEAD));
  Atomics.store(control, USED, Atomics.load(control, JOURNAL_USED));
  Atomics.store(control, COUNT, Atomics.load(control, JOURNAL_COUNT));
  Atomics.store(control, JOURNAL, 0);
}

/**
 * The records of a queue in a ring of shared bytes: each is a 4-byte length, a 1-byte tag and the
 * payload, and may wrap around the end of the ring. Callers hold the queue's lock. A record becomes part
 * of the queue only once it is wholly copied in, through the journal (see `shared-layout.ts`), so a
 * thread that dies half-way through a put leaves no torn record behind.
 */
export class RecordRing {
  readonly #bytes: Uint8Array;
  readonly #text: SharedText | undefined;
  /** The tag of the record `read()` returned last. */
  tag = 0;

  constructor(
    readonly control: Int32Array,
    data: SharedArrayBuffer,
  ) {
    this.#bytes = new Uint8Array(data);
    this.#text = NodeBuffer?.from(data);
  }

  get capacity(): number {
    return this.#bytes.length;
  }

  /** Whether a payload of `length` bytes fits now. */
  fits(length: number): boolean {
    return Atomics.load(this.control, USED) + HEADER_BYTES + length <= this.#bytes.length;
  }

  /**
   * Copies a record in past the tail, where no reader looks yet; returns its payload's length, for
   * `commitPut`. A string payload is written as UTF-8 in place; the caller checked that 3 bytes per
   * UTF-16 unit fit.
   */
  stage(tag: number, payload: Uint8Array | string): number {
    const ring = this.#bytes;
    const capacity = ring.length;
    const control = this.control;
    const start = (Atomics.load(control, HEAD) + Atomics.load(control, USED)) % capacity;
    const body = (start + HEADER_BYTES) % capacity;
    const length =
      typeof payload === 'string' ? this.#writeString(payload, body) : this.#copyIn(payload, body);
    let at = start;
    for (let i = 0; i < HEADER_BYTES; i++) {
      ring[at] = i < 4 ? (length >>> (8 * i)) & 0xff : tag;
      if (++at === capacity) at = 0;
    }
    return length;
  }

  /** Makes the record `stage()` copied in part of the queue. */
  commitPut(length: number): void {
    const control = this.control;
    const used = Atomics.load(control, USED) + HEADER_BYTES + length;
    const count = Atomics.load(control, COUNT) + 1;
    this.#journal(Atomics.load(control, HEAD), used, count);
    Atomics.store(control, USED, used);
    Atomics.store(control, COUNT, count);
    Atomics.store(control, JOURNAL, 0);
  }

  /** Appends a record; the caller checked that it fits. */
  write(tag: number, payload: Uint8Array | string): void {
    this.commitPut(this.stage(tag, payload));
  }

  /**
   * Removes the oldest record and returns a private copy of its payload (its tag in `tag`): text records
   * come out decoded where the runtime can decode shared memory in place (Node), sparing a copy.
   */
  read(): Uint8Array | string {
    const ring = this.#bytes;
    const capacity = ring.length;
    const control = this.control;
    let at = Atomics.load(control, HEAD);
    let length = 0;
    for (let i = 0; i < 4; i++) {
      length |= (ring[at] as number) << (8 * i);
      if (++at === capacity) at = 0;
    }
    length >>>= 0;
    this.tag = ring[at] as number;
    if (++at === capacity) at = 0;
    const first = capacity - at;
    let payload: Uint8Array | string;
    if (length <= first && this.#text !== undefined && isTextTag(this.tag)) {
      payload = this.#text.toString('utf8', at, at + length);
    } else {
      payload = new Uint8Array(length);
      if (length <= first) payload.set(ring.subarray(at, at + length));
      else {
        payload.set(ring.subarray(at, capacity));
        payload.set(ring.subarray(0, length - first), first);
      }
    }
    const head = (at + length) % capacity;
    const used = Atomics.load(control, USED) - HEADER_BYTES - length;
    const count = Atomics.load(control, COUNT) - 1;
    this.#journal(head, used, count);
    Atomics.store(control, HEAD, head);
    Atomics.store(control, USED, used);
    Atomics.store(control, COUNT, count);
    Atomics.store(control, JOURNAL, 0);
    return payload;
  }

  /** Copies `bytes` into the ring at `at`, wrapping; returns their length. */
  #copyIn(bytes: Uint8Array, at: number): number {
    const ring = this.#bytes;
    const first = ring.length - at;
    if (bytes.length <= first) ring.set(bytes, at);
    else {
      ring.set(bytes.subarray(0, first), at);
      ring.set(bytes.subarray(first), 0);
    }
    return bytes.length;
  }

  /**
   * Writes `text` as UTF-8 at `at`, wrapping; returns the byte length. Short ASCII text, the common
   * case, is copied by a loop (cheaper than a call into the encoder); long text goes through
   * `encodeInto` when it has room before the end of the ring; the rest is encoded, then copied.
   */
  #writeString(text: string, at: number): number {
    const ring = this.#bytes;
    const capacity = ring.length;
    const count = text.length;
    if (count > SHORT_TEXT && capacity - at >= count * 3) {
      return utf8.encodeInto(text, ring.subarray(at, at + count * 3)).written;
    }
    let position = at;
    for (let i = 0; i < count; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0x80) return i + this.#copyIn(utf8.encode(text.slice(i)), position);
      ring[position] = unit;
      if (++position === capacity) position = 0;
    }
    return count;
  }

  /** Records the state an operation is about to apply, and commits to it. */
  #journal(head: number, used: number, count: number): void {
    const control = this.control;
    // Plain writes: the atomic store that follows publishes them to any thread that reads JOURNAL as 1.
    control[JOURNAL_HEAD] = head;
    control[JOURNAL_USED] = used;
    control[JOURNAL_COUNT] = count;
    Atomics.store(control, JOURNAL, 1);
  }
}
