/** One change to the original text: the range `[start, end)` is replaced by `text` (an insertion when empty). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Removals that swallow whatever other edits fall inside them (dropped branches, skipped declarations). */
  readonly absorbs: boolean;
  /** Insertion order, so that several insertions at one position keep the order they were made in. */
  readonly order: number;
}

/**
 * Byte-range edits on an unchanged original text. Everything outside an edit is copied as it was, which is
 * what keeps comments, blank lines and formatting exact: the generator never reprints code.
 */
export class EditSet {
  readonly original: string;
  #edits: Edit[] = [];
  #sorted = true;
  #resolved: Edit[] | undefined;

  constructor(original: string) {
    this.original = original;
  }

  get size(): number {
    return this.#edits.length;
  }

  replace(start: number, end: number, text: string): void {
    this.#add(start, end, text, false);
  }

  remove(start: number, end: number): void {
    this.#add(start, end, '', false);
  }

  insert(position: number, text: string): void {
    this.#add(position, position, text, false);
  }

  /** Replaces a range and drops every other edit inside it (the range's own content no longer exists). */
  replaceRegion(start: number, end: number, text = ''): void {
    this.#add(start, end, text, true);
  }

  /**
   * Whether a range lies inside a region another edit replaces whole (a dropped branch, a skipped
   * declaration, a range kept verbatim): what is written there does not reach the twin as converted code.
   */
  isAbsorbed(start: number, end: number): boolean {
    return this.#edits.some(
      (edit) => edit.absorbs && edit.start <= start && end <= edit.end && edit.start < edit.end,
    );
  }

  /** Whether an edit changes text in `[start, end)` or inserts inside it (or at `start` when empty). */
  touches(start: number, end: number): boolean {
    return this.#edits.some((edit) =>
      end === start
        ? edit.start <= start && start <= edit.end
        : (edit.start < end && start < edit.end) ||
          (edit.start === edit.end && edit.start > start && edit.start < end),
    );
  }

  /** The edits in the order they apply, with absorbed and duplicate edits dropped. */
  resolved(): readonly Edit[] {
    this.#resolved ??= resolve(this.#sortedEdits());
    return this.#resolved;
  }

  /**
   * The text of `[start, end)` of the original with the edits inside that range applied. Insertions at
   * `start` are included, insertions at `end` are not (they belong to what follows).
   */
  render(start = 0, end = this.original.length): string {
    let cursor = start;
    let result = '';
    for (const edit of this.resolved()) {
      const insertionAtEnd =
        edit.start === end && edit.end === end && end > start && end < this.original.length;
      if (edit.start < start || edit.end > end || insertionAtEnd) continue;
      result += this.original.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return result + this.original.slice(cursor, end);
  }

  #add(start: number, end: number, text: string, absorbs: boolean): void {
    if (!(start >= 0 && end >= start && end <= this.original.length)) {
      throw new RangeError(`anysync internal error: edit [${start}, ${end}) is outside the text`);
    }
    this.#edits.push({ start, end, text, absorbs, order: this.#edits.length });
    this.#sorted = false;
    this.#resolved = undefined;
  }

  #sortedEdits(): Edit[] {
    if (!this.#sorted) {
      this.#edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
      this.#sorted = true;
    }
    return this.#edits;
  }
}

function resolve(edits: readonly Edit[]): Edit[] {
  const regions = edits.filter((edit) => edit.absorbs);
  const out: Edit[] = [];
  for (const edit of edits) {
    if (regions.some((region) => region !== edit && swallows(region, edit))) continue;
    const previous = out[out.length - 1];
    if (previous && previous.end > edit.start) {
      if (sameEdit(previous, edit)) continue;
      throw new Error(
        `anysync internal error: overlapping edits [${previous.start}, ${previous.end}) and [${edit.start}, ${edit.end})`,
      );
    }
    out.push(edit);
  }
  return out;
}

/**
 * Whether `region` removes the text `edit` would change. Insertions at a region's edges survive; an edit
 * that only partly overlaps a region is dropped with it (regions are whole statements or ranges the
 * author asked to keep verbatim); of two equal regions the earlier one wins.
 */
function swallows(region: Edit, edit: Edit): boolean {
  if (region.end === region.start) return false;
  if (edit.start === edit.end) return edit.start > region.start && edit.start < region.end;
  if (edit.start >= region.end || edit.end <= region.start) return false;
  const same = edit.absorbs && edit.start === region.start && edit.end === region.end;
  if (same) return edit.order > region.order;
  // A region replacing a larger one (an awaited chain around another) wins: its text holds the smaller's.
  return !(edit.absorbs && edit.start <= region.start && region.end <= edit.end);
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}
