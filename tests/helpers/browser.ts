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
 * The command-line flags of the test browser: no sandbox as root, and no background networking, whose connections a
 * network without internet access refuses. V8's top tier (TurboFan) is off: each scenario starts on a freshly loaded
 * Playground, so the page's code never runs long enough to repay TurboFan's compiling, and a trace of one typed
 * questionnaire spent about a fifth of the renderer's CPU compiling on background threads. Maglev, the tier below,
 * stays on (without it the renderer spent more, not less).
 */
export function chromiumArgs(): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--js-flags=--no-turbofan',
  ];
}

/** Headless Chromium with chromiumArgs. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const browser = await chooseChromium();
  const profile = mkdtempSync(join(tmpdir(), 'sync-guide-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
