import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { headingSlugs, htmlAnchors } from '../../scripts/docs/heading-slugs.mjs';

/** A link found in a page of the site: the page, the attribute's value, and why it is broken if it is. */
export interface SiteLink {
  readonly page: string;
  readonly target: string;
  readonly broken: string | undefined;
  /** Links outside the site and the repository: checked for form only (this machine reaches no web). */
  readonly external: boolean;
}

/** Every `.html` file under `dir`, relative to it. */
export function htmlPages(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(under, entry.name);
    if (entry.isDirectory()) return htmlPages(dir, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}

const idCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => decodeHtml(match[1] ?? '')));
    idCache.set(file, ids);
  }
  return ids;
}

const decodeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Checks every `href` and `src` of every page: a relative link must name a file of the site and, with a
 * `#fragment`, an element with that id; a link to a file of this repository on its host must name a file
 * or folder that exists here (and a heading or line that exists, when it names one).
 */
export function checkSiteLinks(site: string, repository: { url: string; root: string }): SiteLink[] {
  return htmlPages(site).flatMap((page) => {
    const html = readFileSync(path.join(site, page), 'utf8');
    return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match): SiteLink => {
      const target = decodeHtml(match[1] ?? '');
      if (target.startsWith(`${repository.url}/`)) {
        return { page, target, broken: checkRepositoryLink(target, repository), external: false };
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        const wellFormed = URL.canParse(target) && /^(https?|mailto):/.test(target);
        return {
          page,
          target,
          broken: wellFormed ? undefined : 'not a well-formed http(s) URL',
          external: true,
        };
      }
      return { page, target, broken: checkSiteLink(site, page, target), external: false };
    });
  });
}

function checkSiteLink(site: string, page: string, target: string): string | undefined {
  const [address = '', fragment] = target.split('#', 2);
  const pathname = address.split('?')[0] ?? '';
  let file =
    pathname === '' ? path.join(site, page) : path.join(site, path.posix.dirname(page), decodeURI(pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file.startsWith(site + path.sep)) return 'leaves the site';
  if (!existsSync(file)) return `no such file: ${path.relative(site, file)}`;
  if (fragment === undefined || fragment === '' || !file.endsWith('.html')) return undefined;
  return idsOf(file).has(decodeURIComponent(fragment)) ? undefined : `no element with id "${fragment}"`;
}

function checkRepositoryLink(target: string, repository: { url: string; root: string }): string | undefined {
  const match = /^\/(blob|tree)\/main\/([^#?]*)(?:#(.*))?$/.exec(target.slice(repository.url.length));
  if (!match) return target === repository.url ? undefined : 'not a link to a file of the main branch';
  const [, kind, repoPath = '', fragment] = match;
  const file = path.join(repository.root, decodeURI(repoPath));
  if (!existsSync(file)) return `no such file in the repository: ${repoPath}`;
  if (statSync(file).isDirectory() !== (kind === 'tree'))
    return `${kind} link to a ${kind === 'tree' ? 'file' : 'folder'}`;
  if (fragment === undefined) return undefined;
  const line = /^L(\d+)$/.exec(fragment);
  if (line) {
    const lines = readFileSync(file, 'utf8').split('\n').length;
    return Number(line[1]) <= lines ? undefined : `${repoPath} has ${lines} lines, not ${line[1]}`;
  }
  if (!file.endsWith('.md')) return `a fragment on a non-Markdown file: #${fragment}`;
  const markdown = readFileSync(file, 'utf8');
  const found =
    headingSlugs(markdown).some((heading) => heading.host === fragment) ||
    htmlAnchors(markdown).includes(fragment);
  return found ? undefined : `${repoPath} has no heading or anchor #${fragment}`;
}
