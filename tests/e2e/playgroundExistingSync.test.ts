/**
 * End to end for tenants that already sync, in the Agents Playground driven by headless Chromium, answered by typing
 * as an admin would: a Connect Sync server past its end of support gets a restore-then-migrate plan, and "start over"
 * on that plan leads to a server that stays on Connect Sync. Nothing leaves loopback. New tenants that need Connect
 * Sync are in playgroundConnectSyncAdvice.test.ts: each file has its own Playground, and a page whose conversation
 * holds fewer cards answers sooner.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerByTyping, usePlaygroundSession } from '../helpers/playgroundSession';
import { typedAnswers as typed } from '../helpers/typedAnswers';

jest.setTimeout(180_000);

describe('Agents Playground: tenants that already sync', () => {
  const session = usePlaygroundSession('sync-guide-e2e-existing-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });

  it('Connect Sync, build 2.4, one forest, password hash sync, 12,000 users: urgent restore, then a migration plan to Cloud Sync', () =>
    step('existing-connect-2-4', async () => {
      await ui.send('start');
      const recommendation = await answerByTyping(
        ui,
        typed([
          [/syncs your Active Directory/i, 'connect'],
          [/build runs/i, '2.4'],
          [/Windows Server version/i, '2019'],
        ]),
        16,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/Move to Microsoft Entra Cloud Sync/);
      expect(text).toMatch(/Restore sync first \(urgent\)[\s\S]*stopped syncing on 30 September 2026/);
      expect(text).toMatch(/Move to Cloud Sync OU by OU/);
      expect(text.indexOf('Restore sync first')).toBeLessThan(text.indexOf('OU by OU'));

      await recommendation.getByRole('button', { name: 'Accept this plan' }).click();
      await ui.waitForText(/Confirm why sync stopped/);
      await ui.waitForText(/Move OU by OU, starting with a pilot/);
      await ui.send("what's next");
      expect(await ui.lastCard().innerText()).toMatch(/Restore sync \(urgent\)[\s\S]*Confirm why sync stopped/);
    }));

  it('Connect Sync, current build, pass-through authentication: stay and upgrade, with the reasons', () =>
    step('existing-connect-pta', async () => {
      await ui.clearView();
      await ui.send('start over');
      await ui.send('yes');
      const recommendation = await answerByTyping(
        ui,
        typed([
          [/syncs your Active Directory/i, 'connect'],
          [/staging mode/i, 'yes'],
          [/sign in/i, 'pta'],
        ]),
        16,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/Stay on Microsoft Entra Connect Sync/);
      expect(text).toMatch(/What keeps you on Connect Sync/);
      expect(text).toMatch(/pass-through authentication[\s\S]*What would let you move/);
      expect(text).toMatch(/Upgrade the staging server first/);
    }));
});
