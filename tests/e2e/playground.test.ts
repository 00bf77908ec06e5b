/**
 * End to end, as a person would use it: the real bot, the Microsoft 365 Agents Playground (a local
 * Teams-like client) and headless Chromium clicking through it. Nothing leaves loopback.
 *
 * SCREENSHOTS_DIR=docs/screenshots saves the README pictures (npm run screenshots); when a step fails,
 * the page is saved under test-artifacts/ for debugging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';
import { startPlayground } from '../../scripts/lib/playground';
import { freePort } from '../../scripts/lib/processes';
import { launchChromium } from '../helpers/browser';
import { PlaygroundPage } from '../helpers/playgroundPage';

jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** The "single forest, password hash sync, 20,000 users" admin: which button they press for each question. */
const CLOUD_SYNC_ANSWERS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/forests/i, /One forest/],
  [/sign in/i, /Password hash sync/],
  [/devices/i, /No device needs/],
  [/largest AD domain/i, /Under 100,000/],
  [/in total/i, /Under 100,000/],
  [/50,000 members/i, /^\s*(\d+\.\s*)?No\b/],
  [/customizations/i, /None of these/],
  [/also need/i, /None of these/],
  [/Enterprise Admin/i, /^\s*(\d+\.\s*)?Yes\b/],
];

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

  it('shows the welcome card when the Playground installs the app', () =>
    step('welcome', async () => {
      const welcome = await ui.waitForText(/decide between/);
      expect(await welcome.getByRole('button', { name: 'Start', exact: true }).isVisible()).toBe(true);
    }));

  it('answers "help" with the command list', () =>
    step('help', async () => {
      await ui.send('help');
      const help = await ui.waitForText('What I can do');
      expect(await help.innerText()).toMatch(/what's next/i);
    }));

  it('walks a new user from "start" to a plan: answer by clicking, accept, mark a task done, ask what is next', () =>
    step('plan-flow', async () => {
      await ui.send('start');
      let question = await ui.waitForText(/Question 1 of/);
      await ui.screenshot('questionnaire', question);

      for (let asked = 0; /Question \d+ of/.test(await question.innerText()); asked++) {
        expect(asked).toBeLessThan(10);
        const text = await question.innerText();
        const answer = CLOUD_SYNC_ANSWERS.find(([prompt]) => prompt.test(text.split('\n').slice(0, 4).join(' ')));
        if (!answer) throw new Error(`No scripted answer for this question:\n${text}`);
        const before = await ui.cards().count();
        await question.getByRole('button', { name: answer[1] }).first().click();
        await ui.waitForCardCount(before + 1);
        question = ui.lastCard();
      }

      const recommendation = await ui.waitForText(/Recommendation/);
      expect(await recommendation.innerText()).toMatch(/Microsoft Entra Cloud Sync/);
      await ui.screenshot('recommendation', recommendation);

      await recommendation.getByRole('button', { name: 'Accept Cloud Sync' }).click();
      const summary = await ui.waitForText(/DEPLOYMENT PLAN/);
      const prerequisites = await ui.waitForText(/Review Cloud Sync prerequisites/);
      await ui.waitForText(/Verify users are syncing/);
      const summaryBefore = await summary.innerText();

      const cardsBefore = await ui.cards().count();
      await prerequisites.getByRole('button', { name: 'Mark done', exact: true }).click();
      await waitForInnerText(prerequisites, /Marked done by Ana Admin/);
      expect(await ui.cards().count()).toBe(cardsBefore); // replaced in place, not a new post
      expect(await prerequisites.getByRole('button', { name: 'Reopen', exact: true }).isVisible()).toBe(true);
      await ui.screenshot('task-card', prerequisites);

      await waitForInnerText(summary, (text) => text !== summaryBefore);
      expect(await summary.innerText()).toMatch(/2 of 5/);
      await ui.screenshot('summary', summary);

      await ui.send("what's next");
      const next = ui.lastCard();
      expect(await next.innerText()).toMatch(/Install the provisioning agent/);
    }));
});

async function waitForInnerText(card: Locator, expected: RegExp | ((text: string) => boolean), timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const matches = (text: string) => (typeof expected === 'function' ? expected(text) : expected.test(text));
  let text = '';
  while (Date.now() < deadline) {
    text = await card.innerText();
    if (matches(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Card text never matched ${String(expected)}; it reads:\n${text}`);
}
