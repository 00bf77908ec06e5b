/**
 * End to end, in people's own words: the real bot in the Agents Playground, driven by headless Chromium.
 * The "done means" of understanding free text (the questionnaire's sentence answers are tested with the
 * questionnaire). Nothing leaves loopback.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerQuestionnaire, usePlaygroundSession, waitForInnerText } from '../helpers/playgroundSession';

jest.setTimeout(180_000);

describe('Agents Playground: free text', () => {
  const session = usePlaygroundSession('sync-guide-e2e-words-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
    // A fixed day, so "next friday" is a known date: Tuesday 1 December 2026 → Friday 11 December 2026.
    session.setNow(new Date('2026-12-01T10:00:00Z'));
  });

  it('gets a Cloud Sync plan to talk about', () =>
    step('words-plan', async () => {
      await ui.send('start');
      const recommendation = await answerQuestionnaire(ui, 12);
      await recommendation.getByRole('button', { name: 'Accept Cloud Sync' }).click();
      await ui.waitForText(/DEPLOYMENT PLAN/);
      await ui.waitForText(/Verify users are syncing/);
    }));

  it('"what should we do now?" shows the next task\'s card', () =>
    step('words-next', async () => {
      await ui.send('what should we do now?');
      await waitForInnerText(ui.lastCard(), /Review Cloud Sync prerequisites/);
    }));

  it('"we finished the prerequisites" marks it done, says so, and the posted card updates in place', () =>
    step('words-done', async () => {
      // The task's own card as the plan posted it (the summary card lists the task's name too).
      const posted = ui
        .cards()
        .filter({ hasText: 'Review Cloud Sync prerequisites' })
        .filter({ hasNotText: 'DEPLOYMENT PLAN' })
        .first();
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
