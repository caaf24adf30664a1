// Copies the Markdown pages of the site (README, CONTRIBUTING, every docs/guide page) into a staging tree
// with the same paths, so links between them stay as written. A link to any other file of the repository
// (an example's folder, a benchmark table) becomes its address on the repository host, which a static site
// can serve; a link to a file that does not exist fails the build here, with the page and the link.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { headingSlugs, htmlAnchors } from './heading-slugs.mjs';

/**
 * The site's pages, as paths relative to the repository root: README.md, CONTRIBUTING.md and every
 * Markdown file in docs/guide (pages added there are picked up without a list to update).
 * @param {string} root
 * @returns {string[]}
 */
export function sitePages(root) {
  const guides = readdirSync(join(root, 'docs/guide'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/guide/${file}`);
  return ['README.md', 'CONTRIBUTING.md', ...guides];
}

/**
 * @param {string} root the repository root
 * @param {string} stage the staging directory (written)
 * @param {string} repositoryUrl e.g. https://github.com/anysync/anysync
 * @returns {{ pages: string[], rewritten: number }}
 */
export function stageMarkdown(root, stage, repositoryUrl) {
  const pages = sitePages(root);
  const texts = new Map(pages.map((page) => [page, readFileSync(join(root, page), 'utf8')]));
  const slugs = new Map([...texts].map(([page, text]) => [page, headingSlugs(text)]));
  const anchors = new Map([...texts].map(([page, text]) => [page, htmlAnchors(text)]));
  const errors = [];
  let rewritten = 0;
  for (const [page, text] of texts) {
    const out = mapLinks(text, (target) => {
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(target)) return target;
      const [path = '', anchor] = target.split('#', 2);
      const repoPath =
        path === '' ? page : posix.normalize(posix.join(posix.dirname(page), path)).replace(/\/$/, '');
      const headings = slugs.get(repoPath);
      if (headings !== undefined) {
        if (anchor === undefined || anchors.get(repoPath)?.includes(anchor)) return target;
        const heading = headings.find((h) => h.host === anchor);
        if (heading === undefined) {
          errors.push(`${page}: the link ${target} names no heading of ${repoPath}`);
          return target;
        }
        return `${path}#${heading.typedoc}`;
      }
      const full = join(root, repoPath);
      if (repoPath.startsWith('..') || !existsSync(full)) {
        errors.push(`${page}: the link ${target} points at ${repoPath}, which does not exist`);
        return target;
      }
      rewritten++;
      const kind = statSync(full).isDirectory() ? 'tree' : 'blob';
      return `${repositoryUrl}/${kind}/main/${repoPath}${anchor === undefined ? '' : `#${anchor}`}`;
    });
    const file = join(stage, page);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page === 'README.md' ? out : withFrontmatter(out, page));
  }
  if (errors.length > 0) throw new Error(`broken links in the Markdown pages:\n${errors.join('\n')}`);
  return { pages: pages.map((page) => relative(root, join(root, page))), rewritten };
}

/** Calls `map` on the target of every inline link and image outside code, and puts back what it returns. */
function mapLinks(text, map) {
  // Code (fenced blocks, then inline spans) is left exactly as it is.
  return text
    .split(/(^```[^\n]*\n[\s\S]*?^```[^\n]*$)/m)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .split(/(`+[^`\n]*`+)/)
            .map((piece, i) =>
              i % 2 === 1
                ? piece
                : piece.replace(
                    /(\]\()([^)\s]+)(\))/g,
                    (_, open, target, close) => `${open}${map(target)}${close}`,
                  ),
            )
            .join(''),
    )
    .join('');
}

/** The page's title (its first heading, without Markdown) and group, for TypeDoc's navigation. */
function withFrontmatter(text, page) {
  const heading = /^# (.+)$/m.exec(text)?.[1] ?? page;
  const title = heading.replace(/`/g, '').replace(/\*\*/g, '').trim();
  const group = page.startsWith('docs/guide/') ? 'Guides' : 'Project';
  return `---\ntitle: ${JSON.stringify(title)}\ngroup: ${group}\n---\n\n${text}`;
}
