/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/**
 * Whether `text` holds no lone surrogate, so UTF-8 carries it exactly: encoders write each lone surrogate
 * as U+FFFD, which would change the text without a word. `String.prototype.isWellFormed` where the
 * runtime has it (it answers at once for text stored one byte per character), a regular expression
 * elsewhere.
 */
export const isWellFormed: (text: string) => boolean = native
  ? (text) => native.call(text)
  : (text) => !LONE_SURROGATE.test(text);
