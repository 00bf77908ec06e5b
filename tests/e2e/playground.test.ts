/**
 * End to end, as a person would use it: the real bot, the Microsoft 365 Agents Playground (a local
 * Teams-like client) and headless Chromium clicking through it. Nothing leaves loopback. The recommendations
 * answered by typing are in playgroundTyped.test.ts: each file has its own Playground, and a page whose
 * conversation holds fewer cards answers sooner.
 *
 * SCREENSHOTS_DIR=docs/screenshots saves the README pictures (npm run screenshots); when a step fails,
 * the page is saved under test-artifacts/ for debugging.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerQuestionnaire, usePlaygroundSession, waitForInnerText } from '../helpers/playgroundSession';

jest.setTimeout(180_000);

describe('Agents Playground in headless Chromium', () => {
  const session = usePlaygroundSession('sync-guide-e2e-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });

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
      const question = await ui.waitForText(/Question 1 of/);
      await ui.screenshot('questionnaire', question);

      const recommendation = await answerQuestionnaire(ui, 12);
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

  it('keeps the plan across a restart of the bot', () =>
    step('restart', async () => {
      await session.restartBot();
      await ui.send('status');
      const summary = ui.lastCard();
      expect(await summary.innerText()).toMatch(/DEPLOYMENT PLAN[\s\S]*2 of 5/);
      expect(await summary.innerText()).toMatch(/Next:\s*3\. Install the provisioning agent/);
    }));
});
