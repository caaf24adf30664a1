// Anchors of a page's headings, two ways: as the repository host makes them (what links in the Markdown
// are written against, so they work when the files are read there) and as TypeDoc makes them in the site.
// They differ for some characters (`→` is dropped by one and kept by the other), so the site's copy of each
// link is given the anchor TypeDoc wrote.

/**
 * The text a heading shows: Markdown's inline syntax removed. TypeDoc leaves what code spans hold out of
 * its anchors ("Interop with `AbortSignal`" becomes `interop-with`), so for it `code` is false.
 */
function headingText(markdown, code = true) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, code ? '$1' : '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .trim();
}

/** The repository host's slug: lower case, everything but letters, digits, `_`, `-` and spaces dropped. */
function hostSlug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** TypeDoc's slug (its default theme's Slugger, lower-cased). */
function typedocSlug(text) {
  const slug = text
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
    .replace(/\s/g, '-')
    .replace(/--+/, '-');
  return (slug || '_').toLocaleLowerCase();
}

/** Both slugs of every heading of `markdown` outside code, numbered as each tool numbers repeats. */
export function headingSlugs(markdown) {
  const withoutCode = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
  const seenHost = new Map();
  const seenTypedoc = new Map();
  const numbered = (seen, slug) => {
    const count = seen.get(slug);
    seen.set(slug, count === undefined ? 0 : count + 1);
    return count === undefined ? slug : `${slug}-${count + 1}`;
  };
  return [...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => {
    const text = headingText(match[1] ?? '');
    return {
      text,
      host: numbered(seenHost, hostSlug(text)),
      typedoc: numbered(seenTypedoc, typedocSlug(headingText(match[1] ?? '', false))),
    };
  });
}

/** Anchors a page sets itself with HTML (`<a id="fsp-calls"></a>`), outside code: the same in both places. */
export function htmlAnchors(markdown) {
  const withoutCode = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/<[a-z][^>]*\s(?:id|name)="([^"]+)"/gi)].map((match) => match[1] ?? '');
}
