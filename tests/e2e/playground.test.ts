/**
 * End to end, as a person would use it: the real bot, the Microsoft 365 Agents Playground (a local
 * Teams-like client) and headless Chromium clicking through it. Nothing leaves loopback.
 *
 * SCREENSHOTS_DIR=docs/screenshots saves the README pictures (npm run screenshots); on a failure the
 * current page is always saved under test-artifacts/ for debugging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startPlayground } from '../../scripts/lib/playground';
import { freePort } from '../../scripts/lib/processes';
import { launchChromium } from '../helpers/browser';
import { PlaygroundPage } from '../helpers/playgroundPage';

jest.setTimeout(120_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

describe('Agents Playground in headless Chromium', () => {
  let app: App;
  let dataDir: string;
  let playground: Awaited<ReturnType<typeof startPlayground>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let ui: PlaygroundPage;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sync-guide-e2e-'));
    app = createApp(loadConfig({ STORAGE: 'sqlite', SQLITE_PATH: join(dataDir, 'e2e.sqlite'), PORT: '0' }), silentLogger);
    const { port } = await app.listen();
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${port}/api/messages`,
      port: await freePort(),
      logFile: join(dataDir, 'playground.log'),
    });
    browser = await launchChromium();
    ui = new PlaygroundPage(await browser.context.newPage(), process.env.SCREENSHOTS_DIR);
    await ui.open(playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs a step and keeps a screenshot of the page if it fails. */
  async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      await new PlaygroundPage(ui.page, ARTIFACTS).screenshot(`failed-${name}`).catch(() => undefined);
      throw error;
    }
  }

  it('shows the welcome card when the Playground installs the app', async () => {
    await step('welcome', async () => {
      const welcome = await ui.waitForText(/Cloud Sync/);
      await expect(welcome.getByRole('button', { name: 'Start', exact: true }).isVisible()).resolves.toBe(true);
    });
  });

  it('answers "help" with the command list', async () => {
    await step('help', async () => {
      await ui.send('help');
      const help = await ui.waitForText('What I can do');
      await expect(help.innerText()).resolves.toMatch(/what's next/i);
    });
  });
});
