/**
 * The rows of the input-check table (see ../public-inputs.test.ts): for each public value of a subpath,
 * calls with a wrong type and calls with an impossible value, each with the error class it must throw at
 * once and the message it must say (which names the input and shows the value).
 */
export type ErrorClass = typeof TypeError | typeof RangeError;

/**
 * A call with one bad input, the class it must throw synchronously, and (a fragment of) the message. A
 * store's methods answer with promises, as a store over the network must: for those, `'rejects'` says the
 * refusal comes as the promise's rejection.
 */
export type Case = readonly [call: () => unknown, error: ErrorClass, message: string, how?: 'rejects'];

export type Row =
  | {
      readonly wrongType: readonly Case[];
      /** Impossible values; or why no value of the right type is out of range. */
      readonly outOfRange: readonly Case[] | { readonly none: string };
    }
  /** Takes no argument (a getter of ambient state); nothing to check. */
  | { readonly noInputs: string }
  /** Takes one argument of any type and value by design (e.g. a predicate on errors). */
  | { readonly anyValue: string }
  /** Re-exported from another area, whose table rows cover it. */
  | { readonly coveredBy: string };

export type Rows = Readonly<Record<string, Row>>;
