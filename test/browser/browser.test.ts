import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchChromium, missingChromium } from './launch-chromium.js';
import { startStaticServer } from './static-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Outcome {
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly reason?: string;
}

interface PageResults {
  readonly crossOriginIsolated: boolean;
  readonly main: Outcome[];
  readonly worker: Outcome[];
}

/** Runs the page once, at collection, so that each check becomes a test of its own in the report. */
async function runPage(): Promise<PageResults> {
  const server = await startStaticServer(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/test/browser/index.html`);
    await page
      .waitForFunction(() => 'results' in globalThis, undefined, { timeout: 15_000 })
      .catch(() => {
        throw new Error(`the page did not start: ${errors.join('; ') || 'no error reported'}`);
      });
    return (await page.evaluate(
      () => (globalThis as unknown as { results: Promise<PageResults> }).results,
    )) as PageResults;
  } finally {
    await browser.close();
    await server.close();
  }
}

const missing = missingChromium;
const results = missing ? undefined : await runPage();

describe.skipIf(missing)(`headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('serves a cross-origin-isolated page', () => {
    expect(results?.crossOriginIsolated).toBe(true);
  });

  describe.each([
    ['main thread', results?.main ?? []],
    ['web worker', results?.worker ?? []],
  ] as const)('%s', (_, outcomes) => {
    for (const outcome of outcomes) {
      const name =
        outcome.status === 'skipped' ? `${outcome.name} (skipped: ${outcome.reason})` : outcome.name;
      it.skipIf(outcome.status === 'skipped')(name, () => {
        expect(outcome.status, outcome.reason).toBe('passed');
      });
    }
  });
});
