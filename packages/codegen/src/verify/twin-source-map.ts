import type { SourceMap } from '../edits/source-map.js';
import { decodeMappings } from './decode-mappings.js';

/**
 * Offsets between a twin and its async source, read from the twin's source map. The map has a segment
 * at every line start and edit boundary, so the twin splits into spans that are either copied from the
 * source (possibly followed by source text an edit removed) or an edit's replacement text. Copied spans
 * map character for character; a replacement maps as a whole to the source text it replaced.
 */
export class TwinSourceMap {
  // Per segment, in twin order (the source order is the same: edits apply in order).
  readonly #twinStart: number[] = [];
  readonly #sourceStart: number[] = [];
  /** How many of the segment's twin characters are copied from the source (0 for replacement text). */
  readonly #copied: number[] = [];
  readonly #twinLength: number;
  readonly #sourceLength: number;

  constructor(sourceText: string, twinText: string, map: SourceMap) {
    const twinLines = lineStarts(twinText);
    const sourceLines = lineStarts(sourceText);
    this.#twinLength = twinText.length;
    this.#sourceLength = sourceText.length;
    for (const segment of decodeMappings(map.mappings)) {
      const twin = (twinLines[segment.line] ?? twinText.length) + segment.column;
      const source = (sourceLines[segment.sourceLine] ?? sourceText.length) + segment.sourceColumn;
      if (twin > twinText.length || source > sourceText.length)
        throw new RangeError(`the source map of ${map.file} points past the end of its files`);
      const last = this.#twinStart.length - 1;
      if (last >= 0 && twin === this.#twinStart[last]) {
        this.#sourceStart[last] = source;
        continue;
      }
      this.#twinStart.push(twin);
      this.#sourceStart.push(source);
    }
    if (this.#twinStart[0] !== 0) {
      this.#twinStart.unshift(0);
      this.#sourceStart.unshift(0);
    }
    for (let i = 0; i < this.#twinStart.length; i += 1) {
      const twin = this.#twinStart[i] as number;
      const source = this.#sourceStart[i] as number;
      const twinLength = this.#twinEnd(i) - twin;
      const sourceLength = this.#sourceEnd(i) - source;
      const copied =
        twinLength <= sourceLength &&
        twinText.slice(twin, twin + twinLength) === sourceText.slice(source, source + twinLength);
      this.#copied.push(copied ? twinLength : 0);
    }
  }

  /** The source offset a twin offset comes from (the start of the replaced text, inside a replacement). */
  toSource(twinOffset: number): number {
    const i = lastAtOrBefore(this.#twinStart, twinOffset);
    const within = twinOffset - (this.#twinStart[i] as number);
    const start = this.#sourceStart[i] as number;
    return within <= (this.#copied[i] as number) ? start + within : start;
  }

  /** Where a twin span ending at `twinEnd` ends in the source (a replacement ends where its source text does). */
  toSourceEnd(twinEnd: number): number {
    const i = Math.max(0, lastBefore(this.#twinStart, twinEnd));
    const within = twinEnd - (this.#twinStart[i] as number);
    return within <= (this.#copied[i] as number)
      ? (this.#sourceStart[i] as number) + within
      : this.#sourceEnd(i);
  }

  /**
   * The twin offset where source text starting at `sourceOffset` went: inside copied text, or at the
   * start of a replacement. `undefined` when an edit removed or rewrote the text there.
   */
  toTwin(sourceOffset: number): number | undefined {
    const i = lastAtOrBefore(this.#sourceStart, sourceOffset);
    const within = sourceOffset - (this.#sourceStart[i] as number);
    const copied = this.#copied[i] as number;
    if (within < copied || (within === 0 && copied === 0)) return (this.#twinStart[i] as number) + within;
    if (within === copied && i === this.#twinStart.length - 1) return this.#twinLength;
    return undefined;
  }

  /** The twin offset where source text ending at `sourceEnd` ends, or `undefined` inside rewritten text. */
  toTwinEnd(sourceEnd: number): number | undefined {
    const i = Math.max(0, lastBefore(this.#sourceStart, sourceEnd));
    const within = sourceEnd - (this.#sourceStart[i] as number);
    const copied = this.#copied[i] as number;
    if (within <= copied) return (this.#twinStart[i] as number) + within;
    if (copied === 0 && sourceEnd === this.#sourceEnd(i)) return this.#twinEnd(i);
    return undefined;
  }

  #twinEnd(i: number): number {
    return this.#twinStart[i + 1] ?? this.#twinLength;
  }

  #sourceEnd(i: number): number {
    return this.#sourceStart[i + 1] ?? this.#sourceLength;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The index of the last value ≤ `value` in an ascending array (0 when none is). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sorted[middle] as number) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The index of the last value < `value` in an ascending array (-1 when none is). */
function lastBefore(sorted: readonly number[], value: number): number {
  let low = -1;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sorted[middle] as number) < value) low = middle;
    else high = middle - 1;
  }
  return low;
}
