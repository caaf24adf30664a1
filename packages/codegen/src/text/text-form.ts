/** A byte order mark at the start of a text. */
const BOM = '\uFEFF';

/**
 * How a source file spells what the parser ignores: a byte order mark and its line ending. Rules work on
 * the plain form (no mark, `\n` only); the twin is given back the source's form, so an editor or a
 * `.gitattributes` that set them sees no change.
 */
export class TextForm {
  /** The plain form: nothing to restore. */
  static readonly plain = new TextForm(false, '\n');

  readonly bom: boolean;
  /** The file's line ending: the most frequent one (`\n` when the file has no line break). */
  readonly newline: '\n' | '\r\n' | '\r';

  private constructor(bom: boolean, newline: '\n' | '\r\n' | '\r') {
    this.bom = bom;
    this.newline = newline;
  }

  /**
   * Splits a text into its form and its plain body. Line breaks carry no meaning in JavaScript beyond
   * being line breaks (template literals read `\r\n` and `\r` as `\n`), so the body parses to the same
   * program. A file that mixes line endings gets its most frequent one throughout.
   */
  static of(text: string): { form: TextForm; body: string } {
    const bom = text.charCodeAt(0) === 0xfeff;
    const unmarked = bom ? text.slice(1) : text;
    if (!unmarked.includes('\r'))
      return { form: bom ? new TextForm(true, '\n') : TextForm.plain, body: unmarked };
    const newline = mostFrequentNewline(unmarked);
    return { form: new TextForm(bom, newline), body: unmarked.replace(/\r\n?/g, '\n') };
  }

  get isPlain(): boolean {
    return !this.bom && this.newline === '\n';
  }

  /** A plain-form text (a twin made from the body) in this form. */
  restore(body: string): string {
    const lines = this.newline === '\n' ? body : body.replace(/\n/g, this.newline);
    return this.bom ? BOM + lines : lines;
  }
}

function mostFrequentNewline(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf += 1;
    else cr += 1;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf += 1;
  lf -= crlf;
  if (crlf >= lf && crlf >= cr) return '\r\n';
  return lf >= cr ? '\n' : '\r';
}
