import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ensureBundledChromium, type BundledChromium } from './bundledChromium';

/**
 * The browser for the end-to-end tests: CHROMIUM_PATH when set (any Chromium on the machine), otherwise the one
 * that came with `npm install`. The bundled one is the default everywhere so that every machine, CI included,
 * runs the same browser build.
 */
async function chooseChromium(): Promise<BundledChromium> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override))
      throw new Error(
        `CHROMIUM_PATH is set to ${override}, but there is no file there. Unset it to use the Chromium that npm install brings.`,
      );
    return { executablePath: override, env: {} };
  }
  return ensureBundledChromium();
}

/**
 * Headless Chromium with the flags this sandbox needs: no sandbox as root, and no background networking, whose
 * connections a network without internet access refuses.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await chooseChromium();
  const profile = mkdtempSync(join(tmpdir(), 'sync-guide-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
