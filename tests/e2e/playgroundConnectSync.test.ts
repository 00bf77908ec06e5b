/**
 * End to end, the Connect Sync advice in the Agents Playground driven by headless Chromium, answered by typing the way an
 * admin who knows their tenant writes: one sentence that answers most questions at once, then short replies to the few
 * it cannot settle (a pick-all-that-apply list is only ever answered on its own card). New tenants whose needs call for
 * Connect Sync (Microsoft 365 groups written back on-premises for Exchange hybrid; a child domain the server cannot
 * reach, which needs the custom install), then tenants that already sync (a Connect Sync server past its end of support
 * gets a restore-then-migrate plan; one on a current build with pass-through authentication stays on Connect Sync). Each
 * scenario scripts only the questions its sentence leaves open, so a question it should have answered fails the test
 * rather than being answered quietly. Each scenario starts over on the one before, which nobody accepted except the
 * migration plan. Nothing leaves loopback. Each scenario starts on a reloaded page: it needs only its own cards on
 * screen, and fewer cards render sooner.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerByTyping, usePlaygroundSession } from '../helpers/playgroundSession';

jest.setTimeout(180_000);

describe('Agents Playground: Connect Sync advice for new and existing deployments', () => {
  const session = usePlaygroundSession('sync-guide-e2e-connect-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });
  beforeEach(() => ui.clearView());

  it('Exchange hybrid with Microsoft 365 groups written back on-premises: Connect Sync', () =>
    step('m365-group-writeback', async () => {
      await ui.send('start');
      const recommendation = await answerByTyping(
        ui,
        [
          [
            /syncs your Active Directory/i,
            "nothing yet, it's a new tenant: one forest, password hash sync, no device needs, about 5,000 users, no group anywhere near 50k members, and an enterprise admin can help with the setup",
          ],
          [/customizations/i, 'none'],
          [/also need/i, 'exchange, m365 groups'],
          [/reach every domain/i, 'yes'],
        ],
        5,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/^Recommendation\s+Microsoft Entra Connect Sync\b/);
      expect(text).toMatch(/Writing Microsoft 365 groups back to AD/);
    }));

  it('one forest with a child domain the server cannot reach: the custom install', () =>
    step('unreachable-child-domain', async () => {
      await ui.send('start over');
      await ui.send('yes');
      const recommendation = await answerByTyping(
        ui,
        [
          [
            /syncs your Active Directory/i,
            "nothing yet. one forest with a child domain the sync server can't reach, password hash sync, hybrid join for our laptops, about 5,000 users, no group anywhere near 50k members, and I'm an enterprise admin",
          ],
          [/customizations/i, 'none'],
          [/also need/i, 'none'],
        ],
        4,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/Connect Sync: custom install/);
      expect(text).toMatch(/out of the Connect server's reach/);
    }));

  it('Connect Sync, build 2.4, one forest, password hash sync, 12,000 users: urgent restore, then a migration plan to Cloud Sync', () =>
    step('existing-connect-2-4', async () => {
      await ui.send('start');
      const recommendation = await answerByTyping(
        ui,
        [
          [
            /syncs your Active Directory/i,
            'we run connect sync, build 2.4 on server 2019, no staging server; one forest, password hash sync, no device needs, about 12k users',
          ],
          [/50,000 members/i, 'no'],
          [/customizations/i, 'none'],
          [/use today, or need/i, 'none'],
        ],
        5,
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
      await ui.send('start over');
      await ui.send('yes');
      const recommendation = await answerByTyping(
        ui,
        [
          [
            /syncs your Active Directory/i,
            "we're on AAD Connect on Server 2022 with auto upgrade on, and a second server in staging mode; one forest, pass-through authentication that connect set up, no device needs, about 12k users, no group near 50k members",
          ],
          [/customizations/i, 'none'],
          [/use today, or need/i, 'none'],
        ],
        4,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/Stay on Microsoft Entra Connect Sync/);
      expect(text).toMatch(/What keeps you on Connect Sync/);
      expect(text).toMatch(/pass-through authentication[\s\S]*What would let you move/);
      expect(text).toMatch(/Upgrade the staging server first/);
    }));
});
