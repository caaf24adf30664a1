import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceEntries } from '../../scripts/docs/reference-entries.mjs';
import { launchChromium, missingChromium } from '../browser/launch-chromium.js';
import { startStaticServer } from '../browser/static-server.js';
import { checkSiteLinks, htmlPages } from './site-links.js';

/**
 * `npm run docs` as CI runs it: the site builds (TypeDoc fails the build on any warning), every link of
 * every page leads somewhere, every page loads in Debian's Chromium without a console error, every
 * Markdown page is in it, and every public export of every package is in the reference.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repository = { url: 'https://github.com/anysync/anysync', root };
const work = mkdtempSync(path.join(tmpdir(), 'anysync-docs-'));
const site = path.join(work, 'site');
const json = path.join(work, 'reference.json');

interface JsonReflection {
  readonly name: string;
  readonly children?: readonly JsonReflection[];
}

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/docs/build-docs.mjs', '--out', site, '--json', json], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the docs site', () => {
  it('has a page for every Markdown page: README, CONTRIBUTING and each guide', () => {
    const documents = htmlPages(site).filter((page) => page.startsWith('documents/'));
    const guides = spawnSync(
      'git',
      ['ls-files', '--others', '--cached', '--exclude-standard', 'docs/guide/*.md'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
      .stdout.trim()
      .split('\n');
    expect(guides.length).toBeGreaterThan(10);
    // One document per guide plus CONTRIBUTING; the README is the index page.
    expect(documents).toHaveLength(guides.length + 1);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain(
      'Serve synchronous and asynchronous callers',
    );
    for (const guide of guides) {
      const title = /^# (.+)$/m.exec(readFileSync(path.join(root, guide), 'utf8'))?.[1]?.replace(/[`*]/g, '');
      const page = documents.find((document) =>
        readFileSync(path.join(site, document), 'utf8').includes(`<title>${escapeHtml(title ?? '')} |`),
      );
      expect(page, `a page titled ${title} for ${guide}`).toBeDefined();
    }
  });

  it('has no broken link, anchors included', () => {
    const links = checkSiteLinks(site, repository);
    expect(links.length).toBeGreaterThan(1000);
    expect(
      links.filter((link) => link.broken !== undefined).map((l) => `${l.page}: ${l.target}: ${l.broken}`),
    ).toEqual([]);
    // Links into the repository are checked against its files; only links off it are taken on trust.
    expect(links.filter((link) => link.target.startsWith(`${repository.url}/blob/`)).length).toBeGreaterThan(
      100,
    );
  });

  it('documents every public export of every package under the name users import it by', () => {
    const model = JSON.parse(readFileSync(json, 'utf8')) as JsonReflection;
    const modules = new Map((model.children ?? []).map((module) => [module.name, module]));
    const entries = referenceEntries(root);
    expect(entries.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining(['anysync/runtime', '@anysync/codegen']),
    );
    const program = ts.createProgram(
      entries.map((entry) => entry.file),
      {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        noEmit: true,
        skipLibCheck: true,
      },
    );
    const checker = program.getTypeChecker();
    const missing: string[] = [];
    for (const entry of entries) {
      const file = program.getSourceFile(entry.file);
      const symbol = file && checker.getSymbolAtLocation(file);
      const exported = symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : [];
      expect(exported.length, entry.specifier).toBeGreaterThan(0);
      const documented = new Set(modules.get(entry.specifier)?.children?.map((child) => child.name));
      for (const name of exported) if (!documented.has(name)) missing.push(`${entry.specifier}: ${name}`);
    }
    expect(missing).toEqual([]);
    expect([...modules.keys()].sort()).toEqual(entries.map((entry) => entry.specifier).sort());
  });
});

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const missingBrowser = missingChromium;

describe.skipIf(missingBrowser)(
  `every page in headless Chromium${missingBrowser ? ` (skipped: ${missingBrowser})` : ''}`,
  () => {
    it('loads without a console error, a failed request or an empty navigation', {
      timeout: 300_000,
    }, async () => {
      const server = await startStaticServer(site);
      const browser = await launchChromium();
      const problems: string[] = [];
      const pages = htmlPages(site);
      expect(pages.length).toBeGreaterThan(100);
      // A few tabs at once: each page waits on its scripts more than on the CPU.
      const visit = async (tab: Page, file: string) => {
        await tab.goto(`${server.url}/${file}`, { waitUntil: 'load' });
        // The sidebar is filled by the site's scripts: links in it show that they ran.
        await tab
          .waitForFunction("document.querySelectorAll('#tsd-nav-container a').length > 0", undefined, {
            timeout: 15_000,
          })
          .catch(() => problems.push(`${file}: the navigation never filled in`));
      };
      try {
        const queue = [...pages];
        await Promise.all(
          Array.from({ length: 3 }, async () => {
            const tab = await browser.newPage();
            let current = '';
            tab.on('console', (message) => {
              if (message.type() === 'error') problems.push(`${current}: console error: ${message.text()}`);
            });
            tab.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
            tab.on('response', (response) => {
              if (response.status() >= 400)
                problems.push(`${current}: ${response.status()} for ${response.url()}`);
            });
            // Leaving a page aborts what it still loads (the favicon): not a failure of that page.
            tab.on('requestfailed', (request) => {
              if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
                problems.push(
                  `${current}: request failed: ${request.url()} (${request.failure()?.errorText})`,
                );
              }
            });
            for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
              current = file;
              await visit(tab, file);
            }
          }),
        );
      } finally {
        await browser.close();
        await server.close();
      }
      expect(problems).toEqual([]);
    });
  },
);
