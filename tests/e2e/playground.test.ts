/**
 * End to end, as a person would use it: the real bot, the Microsoft 365 Agents Playground (a local
 * Teams-like client) and headless Chromium clicking through it, then talking to it in their own words (the "done
 * means" of understanding free text; the questionnaire's sentence answers are tested with the questionnaire). Nothing
 * leaves loopback. The recommendations answered by typing are in playgroundTyped.test.ts: each file has its own
 * Playground, and a page whose conversation holds fewer cards answers sooner. Free text shares this file's plan, and
 * so its start-up and questionnaire, which cost about as much CPU as the free-text steps themselves.
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
    // A fixed day, so "next friday" is a known date: Tuesday 1 December 2026 → Friday 11 December 2026.
    session.setNow(new Date('2026-12-01T10:00:00Z'));
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

  it('"what should we do now?" shows the next task\'s card', () =>
    step('words-next', async () => {
      await ui.send('what should we do now?');
      await waitForInnerText(ui.lastCard(), /Install the provisioning agent/);
    }));

  it('"we finished the prerequisites" marks it done again once reopened, says so, and the posted card updates in place', () =>
    step('words-done', async () => {
      // The task's own card as the plan posted it (the summary card lists the task's name too).
      const posted = ui
        .cards()
        .filter({ hasText: 'Review Cloud Sync prerequisites' })
        .filter({ hasNotText: 'DEPLOYMENT PLAN' })
        .first();
      await posted.getByRole('button', { name: 'Reopen', exact: true }).click();
      await waitForInnerText(posted, (text) => !/Marked done by/.test(text));
      const cardsBefore = await ui.cards().count();
      await ui.send('we finished the prerequisites');
      // The reading is a plain message before the card, not a card.
      await ui.page
        .getByText(/I read that as \**done 2/)
        .last()
        .waitFor();
      await waitForInnerText(posted, /Marked done by Ana Admin/);
      expect(await posted.getByRole('button', { name: 'Reopen', exact: true }).isVisible()).toBe(true);
      // The reply adds one card (the task as it stands); the plan's own card changed rather than being posted again.
      expect(await ui.cards().count()).toBe(cardsBefore + 1);
    }));

  it('"give the agent install to me" assigns it', () =>
    step('words-assign', async () => {
      await ui.send('give the agent install to me');
      await waitForInnerText(ui.lastCard(), /Assigned to Ana Admin/);
      expect(await ui.lastCard().getByRole('button', { name: 'Unassign', exact: true }).isVisible()).toBe(true);
    }));

  it('"task 3 is due next friday" sets a concrete date and shows it', () =>
    step('words-due', async () => {
      await ui.send('task 3 is due next friday');
      await ui.page
        .getByText(/I read that as \**due 3 2026-12-11.*due 11 Dec 2026/)
        .last()
        .waitFor();
      await waitForInnerText(ui.lastCard(), /Due date set to 11 Dec 2026/);
    }));

  it('"which ports does the agent need?" answers with the outbound 443 list and the prerequisites Learn link', () =>
    step('words-question', async () => {
      await ui.send('which ports does the agent need?');
      const answer = ui.lastCard();
      await waitForInnerText(answer, /Outbound 443/);
      expect(await answer.getByRole('link', { name: 'Cloud Sync prerequisites' }).getAttribute('href')).toBe(
        'https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-prerequisites',
      );
    }));

  it('"is it sunny today?" gets the honest fallback', () =>
    step('words-fallback', async () => {
      await ui.send('is it sunny today?');
      await waitForInnerText(ui.lastCard(), /doesn't cover that/);
    }));
});
