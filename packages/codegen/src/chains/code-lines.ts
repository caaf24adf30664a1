/** One line of generated code: its depth below the statement it replaces, or `raw` to keep it as it is. */
export interface CodeLine {
  readonly depth: number | 'raw';
  readonly text: string;
}

/**
 * Lines of code a rule writes, possibly holding chunks of the source (an inlined callback body). A chunk
 * keeps its own layout, shifted to its new depth, unless it holds a line break inside a string or template
 * (then its lines are kept exactly as they were, since shifting them would change the string).
 */
export class CodeLines {
  readonly lines: CodeLine[] = [];

  line(depth: number, text: string): this {
    this.lines.push({ depth, text });
    return this;
  }

  /** Adds every line of `other`, one level deeper per `by`. */
  nest(other: CodeLines, by = 1): this {
    for (const line of other.lines)
      this.lines.push(line.depth === 'raw' ? line : { depth: line.depth + by, text: line.text });
    return this;
  }

  /**
   * Adds a chunk of source text at `depth`. `baseIndent` is the indentation its lines had in the source
   * (its first line's text starts right after it); `verbatim` keeps the lines after the first as they are.
   */
  chunk(depth: number, text: string, baseIndent: string, verbatim: boolean): this {
    const [first = '', ...rest] = text.split('\n');
    this.lines.push({ depth, text: first });
    for (const line of rest) {
      if (verbatim) this.lines.push({ depth: 'raw', text: line });
      else if (line.trim() === '') this.lines.push({ depth: 0, text: '' });
      else if (line.startsWith(baseIndent)) this.lines.push({ depth, text: line.slice(baseIndent.length) });
      else this.lines.push({ depth: 'raw', text: line });
    }
    return this;
  }

  /**
   * The lines as text: the first one goes where the replaced statement started (after its indentation),
   * the others get `indent` and `unit` per level. `newline` is the file's line ending.
   */
  render(indent: string, unit: string, newline: string): string {
    return this.lines
      .map((line, index) => {
        if (line.depth === 'raw') return line.text.replace(/\r$/, '');
        if (line.text === '') return '';
        const prefix = index === 0 ? unit.repeat(line.depth) : indent + unit.repeat(line.depth);
        return prefix + line.text.replace(/\r$/, '');
      })
      .join(newline);
  }
}
