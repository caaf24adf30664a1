import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser build; `.ci/run` installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why browser tests cannot run here, or `undefined` when they can. */
export const missingChromium: string | undefined = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is not installed (apt-get install chromium)`;

/** Starts headless Chromium with the flags every browser test uses (no sandbox as root, no GPU, no network chatter). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return await chromium.launch({
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
}
