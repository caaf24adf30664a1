import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Renders an SVG to a PNG with headless Chromium (Debian's package, driven by playwright-core). Returns
 * false, writing nothing, where either is missing: the SVG is the chart, the PNG a convenience.
 */
export async function renderPng(svg: string, width: number, height: number, file: string): Promise<boolean> {
  if (!existsSync(CHROMIUM)) return false;
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return false;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    await writeFile(file, await page.screenshot({ clip: { x: 0, y: 0, width, height } }));
    return true;
  } finally {
    await browser.close();
  }
}
