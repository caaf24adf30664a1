/** A heading of a Markdown page and its anchors on the repository host and in the TypeDoc site. */
export interface HeadingSlug {
  readonly text: string;
  readonly host: string;
  readonly typedoc: string;
}

export function headingSlugs(markdown: string): HeadingSlug[];

export function htmlAnchors(markdown: string): string[];
