/**
 * End to end in the Agents Playground, driven by headless Chromium: a plan made in personal chat and shared to the
 * team's "Identity rollout" channel stays one plan, so a click on a task card in the channel shows in the personal
 * chat's copy. Nothing leaves loopback.
 */
import { UI_WAIT_MS, type PlaygroundPage } from '../helpers/playgroundPage';
import { answerAndAccept, usePlaygroundSession, waitForInnerText } from '../helpers/playgroundSession';

jest.setTimeout(180_000);

describe('Agents Playground: a personal plan shared to a channel', () => {
  const session = usePlaygroundSession('sync-guide-e2e-share-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });

  it('a personal plan shared to "Identity rollout" is one plan: a click in the channel updates the personal copy', () =>
    step('share', async () => {
      // "share" offers the channels of teams the app is installed in: the team's install arrives once someone uses
      // the bot in one of its channels.
      await ui.openConversation('General');
      await ui.postMentioningBot('help');
      await ui.waitForText('What I can do');

      await ui.openConversation('Personal Chat');
      await ui.send('start');
      await answerAndAccept(ui);
      await ui.waitForText(/Verify users are syncing/);

      await ui.send('share');
      const picker = await ui.waitForText(/Share your plan to a channel/);
      // One row per channel of the Playground's team, in the team's order; each row has its own button.
      expect(await picker.innerText()).toMatch(
        /Identity Team\s+General\s+Share here\s+Identity Team\s+Identity rollout\s+Share here/,
      );
      await picker.getByRole('button', { name: 'Share here' }).nth(1).click();
      await waitForInnerText(
        ui
          .cards()
          .filter({ hasText: /Plan shared|already has a deployment plan|cannot share/ })
          .last(),
        /Plan shared/,
      );

      await ui.openConversation('Identity rollout');
      const thread = ui.post(/DEPLOYMENT PLAN/);
      await thread.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
      await waitForInnerText(thread, /Verify users are syncing/);
      const agent = thread
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /Review Cloud Sync prerequisites/ })
        .last();
      await agent.getByRole('button', { name: 'Mark done', exact: true }).click();
      await waitForInnerText(agent, /Marked done by Ana Admin/);

      await ui.openConversation('Personal Chat');
      const personalCopy = ui
        .cards()
        .filter({ hasText: /Review Cloud Sync prerequisites/ })
        .filter({ hasText: /Marked done by Ana Admin/ });
      await personalCopy.first().waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    }));
});
